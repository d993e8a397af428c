package io.clawguard.compliance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * sshd's global settings as it applies them: {@code sshd -T}'s effective configuration when it
 * answers (it needs root: it loads the host keys), else {@code /etc/ssh/sshd_config} and its
 * {@code Include}s read as sshd reads them: the first value of a keyword wins, an Include is read
 * in place, a {@code Match} block (to the next Match or the end of its file) applies only to the
 * connections it matches, so it is kept apart from the global value.
 */
final class SshdSettings {
    static final String CONFIG = "/etc/ssh/sshd_config";
    /** sshd's own limit on nested Includes (SERVCONF_MAX_DEPTH). */
    static final int MAX_DEPTH = 16;
    /** More files than any honest configuration: a glob of thousands is not read to the end. */
    static final int MAX_FILES = 64;
    private static final int MAX_NOTES = 10;
    /** Older names sshd still accepts for the same setting (first value wins across both names). */
    private static final Map<String, String> ALIASES = Map.of(
            "challengeresponseauthentication", "kbdinteractiveauthentication");

    /** One value and where it came from ("/etc/ssh/sshd_config line 12", "sshd -T"). */
    record Setting(String value, String where) {
        String shown(String keyword) {
            return keyword + " " + Evidence.text(value) + " (" + where + ")";
        }
    }

    private final String origin;
    private final Map<String, Setting> global = new LinkedHashMap<>();
    private final Map<String, List<Setting>> inMatch = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    private SshdSettings(String origin) {
        this.origin = origin;
    }

    /** The settings in force; empty when no SSH server is installed (no sshd and no sshd_config). */
    static Optional<SshdSettings> read(HostFacts host) throws IOException {
        Optional<HostFacts.ToolOutput> t = host.run(List.of("sshd", "-T"));
        if (t.isPresent() && t.get().exitCode() == 0 && t.get().stdout().contains("permitrootlogin")) {
            SshdSettings s = new SshdSettings("sshd -T (the effective configuration; Match blocks not shown)");
            for (String line : t.get().stdout().split("\n")) {
                String[] kv = line.strip().split("\\s+", 2);
                if (kv.length == 2) {
                    s.global.putIfAbsent(keyword(kv[0]), new Setting(kv[1], "sshd -T"));
                }
            }
            return Optional.of(s);
        }
        Optional<String> main = HostFile.read(host, CONFIG);
        if (main.isEmpty() && t.isEmpty()) {
            return Optional.empty();
        }
        SshdSettings s = new SshdSettings(CONFIG + " and its Includes");
        t.ifPresent(out -> s.note("sshd -T exited " + out.exitCode() + (host.assessingAsRoot()
                ? " (" + Evidence.text(out.stderr().lines().findFirst().orElse("no message")) + ")"
                : " (it needs root)") + ", so the files were read"));
        if (main.isEmpty()) {
            s.note(CONFIG + " does not exist: OpenSSH's defaults apply");
        } else {
            s.read.add(CONFIG);
            s.parse(host, CONFIG, main.get(), 0);
        }
        return Optional.of(s);
    }

    /** The global value of {@code keyword} (lower case), or OpenSSH's default when nothing sets it. */
    Setting get(String keyword, String openSshDefault) {
        return global.getOrDefault(keyword, new Setting(openSshDefault, "not set: OpenSSH's default"));
    }

    /** Values Match blocks give {@code keyword} for some connections, other than {@code wanted}. */
    List<Setting> exceptions(String keyword, String wanted) {
        return inMatch.getOrDefault(keyword, List.of()).stream().filter(v -> !v.value().equalsIgnoreCase(wanted))
                .toList();
    }

    /** What was read, and what was not applied or not followed. */
    String source() {
        return origin + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    }

    private void parse(HostFacts host, String file, String text, int depth) throws IOException {
        boolean match = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("[\\s=]+", 2);
            String keyword = keyword(kv[0]);
            String args = kv.length > 1 ? kv[1].strip() : "";
            String where = Evidence.text(file) + " line " + (i + 1);
            if (keyword.equals("match")) {
                match = true;
                note("Match block at " + where + " applies to some connections only, not to the global value");
            } else if (keyword.equals("include") && match) {
                note("Include inside a Match block at " + where + " not applied to the global value");
            } else if (keyword.equals("include")) {
                for (String pattern : args.split("\\s+")) {
                    include(host, pattern.replace("\"", ""), where, depth + 1);
                }
            } else {
                Setting v = new Setting(args.split("\\s+")[0].replace("\"", ""), where);
                if (match) {
                    inMatch.computeIfAbsent(keyword, k -> new ArrayList<>()).add(v);
                } else {
                    global.putIfAbsent(keyword, v);
                }
            }
        }
    }

    /** An Include's files in glob order; relative patterns are under /etc/ssh, as sshd reads them. */
    private void include(HostFacts host, String pattern, String where, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            note("Include at " + where + " nested deeper than " + MAX_DEPTH + ": not followed (sshd refuses it too)");
            return;
        }
        Path p = Path.of(pattern.startsWith("/") ? pattern : "/etc/ssh/" + pattern).normalize();
        String folder = p.getParent() == null ? "/" : p.getParent().toString();
        if (folder.matches(".*[*?\\[{].*")) {
            note("Include " + Evidence.text(pattern) + " at " + where
                    + ": a pattern in a folder name is not followed");
            return;
        }
        for (String f : HostFile.list(host, folder, p.getFileName().toString())) {
            if (!read.add(f)) {
                note("Include of " + Evidence.text(f) + " at " + where
                        + " read already: a loop, or a repeat that cannot change a first value");
            } else if (read.size() > MAX_FILES) {
                note("more than " + MAX_FILES + " files included: the rest not read");
                return;
            } else {
                Optional<String> text = HostFile.read(host, f);
                if (text.isPresent()) {
                    parse(host, f, text.get(), depth);
                }
            }
        }
    }

    /** Notes are evidence: a file of a million Match lines gives ten of them, not a million. */
    private void note(String text) {
        if (notes.size() < MAX_NOTES) {
            notes.add(text);
        } else if (notes.size() == MAX_NOTES) {
            notes.add("…");
        }
    }

    private static String keyword(String raw) {
        String k = raw.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(k, k);
    }
}
