package io.clawguard.compliance;

import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.UnixSocketProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The real host: {@code /proc} for the agent's processes, {@code /etc} for sudoers and PAM. */
public final class ThisHost implements HostFacts {
    private static final List<String> ESCALATORS = List.of("/usr/bin/su", "/usr/bin/doas", "/usr/bin/pkexec");
    private static final Path ROOT = Path.of("/");

    @Override
    public Path root() {
        return ROOT;
    }

    @Override
    public Optional<ToolOutput> run(List<String> argv) {
        return HostTools.run(argv);
    }

    @Override
    public boolean assessingAsRoot() {
        return ProcessIdentity.uid() == 0;
    }

    @Override
    public List<Integer> agentUids() {
        List<Integer> uids = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                String cmdline = read(p.resolve("cmdline")).replace('\0', ' ');
                if (cmdline.contains("openclaw") && !cmdline.contains("clawguard")) {
                    for (String line : read(p.resolve("status")).split("\n")) {
                        if (line.startsWith("Uid:")) {
                            uids.add(Integer.parseInt(line.split("\\s+")[1]));
                        }
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return uids;
    }

    @Override
    public boolean brokerReachable(Path socket) {
        return UnixSocketProbe.answers(socket);
    }

    @Override
    public String agentPath() {
        String path = System.getenv("PATH");
        return path == null ? "" : path;
    }

    @Override
    public List<String> nopasswdRules() {
        List<String> rules = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("/etc/sudoers")));
        try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/etc/sudoers.d"))) {
            d.forEach(files::add);
        } catch (IOException e) {
            // No sudoers.d: only the main file counts.
        }
        for (Path f : files) {
            for (String line : read(f).split("\n")) {
                String t = line.strip();
                if (!t.startsWith("#") && t.contains("NOPASSWD")) {
                    rules.add(f + ": " + t);
                }
            }
        }
        return rules;
    }

    @Override
    public List<String> unrestrictedEscalators() {
        List<String> open = new ArrayList<>();
        for (String tool : ESCALATORS) {
            if (Files.isExecutable(Path.of(tool)) && !restricted(tool)) {
                open.add(tool);
            }
        }
        return open;
    }

    /** su restricted by pam_wheel; doas and pkexec need their own rules, so present counts as open. */
    private static boolean restricted(String tool) {
        if (!tool.endsWith("/su")) {
            return false;
        }
        for (String line : read(Path.of("/etc/pam.d/su")).split("\n")) {
            String t = line.strip();
            if (!t.startsWith("#") && t.contains("pam_wheel.so")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
