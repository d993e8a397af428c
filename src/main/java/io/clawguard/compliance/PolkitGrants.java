package io.clawguard.compliance;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The admin's polkit rules that grant without authentication: a {@code /etc/polkit-1/rules.d/*.rules}
 * line returning {@code polkit.Result.YES}, a {@code /etc/polkit-1/localauthority/**}{@code /*.pkla}
 * with ResultAny, ResultActive or ResultInactive {@code = yes}. Such a grant lets pkexec (or
 * systemctl over D-Bus) act as root with no password; the JavaScript is not run, so a YES
 * anywhere in a rule counts, whoever the rule is for.
 */
final class PolkitGrants {
    static final String RULES = "/etc/polkit-1/rules.d";
    static final String LOCAL_AUTHORITY = "/etc/polkit-1/localauthority";
    private static final Pattern PKLA_YES = Pattern.compile("(?i)\\s*Result(Any|Active|Inactive)\\s*=\\s*yes\\s*");
    private static final int MAX_DEPTH = 4;
    private static final int MAX_FILES = 256;
    private static final int MAX_FOUND = 20;

    private PolkitGrants() {
    }

    /** Each grant as FILE:LINE: TEXT; an {@link java.nio.file.AccessDeniedException} names what cannot be read. */
    static List<String> of(HostFacts host) throws IOException {
        List<String> files = new ArrayList<>();
        collect(host, RULES, ".rules", 1, files);
        collect(host, LOCAL_AUTHORITY, ".pkla", MAX_DEPTH, files);
        List<String> found = new ArrayList<>();
        for (String file : files) {
            String[] lines = HostFile.read(host, file).orElse("").split("\n");
            for (int i = 0; i < lines.length && found.size() < MAX_FOUND; i++) {
                String t = lines[i].strip();
                boolean yes = file.endsWith(".rules") ? !t.startsWith("//") && t.contains("polkit.Result.YES")
                        : PKLA_YES.matcher(t).matches();
                if (yes) {
                    found.add(Evidence.text(file) + ":" + (i + 1) + ": " + Evidence.text(t));
                }
            }
        }
        return found;
    }

    private static void collect(HostFacts host, String dir, String suffix, int depth, List<String> files)
            throws IOException {
        List<String> subfolders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(host.path(dir))) {
            for (Path e : entries) {
                String name = dir + "/" + e.getFileName();
                if (Files.isDirectory(e) && depth > 1) {
                    subfolders.add(name);
                } else if (name.endsWith(suffix) && Files.isRegularFile(e)) {
                    if (files.size() >= MAX_FILES) {
                        // The files left unread may grant: "no grant" would be a guess.
                        throw new IOException("more than " + MAX_FILES + " polkit rule files: not all were read");
                    }
                    files.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        files.sort(null);
        for (String sub : subfolders) {
            collect(host, sub, suffix, depth - 1, files);
        }
    }
}
