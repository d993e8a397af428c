package io.clawguard.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One thing the install or uninstall does, said in one line before it is done. */
public sealed interface ServiceStep {
    /** What is done, where, and with which owner and mode, or which command runs. */
    String describe();

    /** Does it; returns what the admin should know about how it went, if anything. */
    Optional<String> apply() throws IOException;

    /** A folder, root's, with this mode. */
    record Folder(Path path, String mode) implements ServiceStep {
        @Override
        public String describe() {
            return "folder  " + path + "  root:root " + mode;
        }

        @Override
        public Optional<String> apply() throws IOException {
            RootFiles.folder(path, mode);
            return Optional.empty();
        }
    }

    /** A file written whole with this text, root's, with this mode. */
    record WriteFile(Path path, String mode, String text, String what) implements ServiceStep {
        @Override
        public String describe() {
            return "write   " + path + "  root:root " + mode + "  (" + what + ")";
        }

        @Override
        public Optional<String> apply() throws IOException {
            RootFiles.write(path, text.getBytes(StandardCharsets.UTF_8), mode);
            return Optional.empty();
        }
    }

    /** A copy of one of the program's files, root's, with this mode. */
    record CopyFile(Path from, Path to, String mode) implements ServiceStep {
        @Override
        public String describe() {
            return "copy    " + from + " -> " + to + "  root:root " + mode;
        }

        @Override
        public Optional<String> apply() throws IOException {
            RootFiles.write(to, Files.readAllBytes(from), mode);
            return Optional.empty();
        }
    }

    /** Something left as it is, and why. */
    record Keep(Path path, String why) implements ServiceStep {
        @Override
        public String describe() {
            return "keep    " + path + "  (" + why + ")";
        }

        @Override
        public Optional<String> apply() {
            return Optional.empty();
        }
    }

    /** A file removed; when {@code onlyIfText} is set, only if it still holds exactly that text. */
    record RemoveFile(Path path, String what, String onlyIfText) implements ServiceStep {
        @Override
        public String describe() {
            return "remove  " + path + "  (" + what + ")";
        }

        @Override
        public Optional<String> apply() throws IOException {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("already absent");
            }
            if (onlyIfText != null && (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    || !Files.readString(path, StandardCharsets.UTF_8).equals(onlyIfText))) {
                return Optional.of("WARNING: left " + path + " alone: it is not the file the install wrote");
            }
            Files.delete(path);
            return Optional.empty();
        }
    }

    /** A folder of ours removed with everything in it. */
    record RemoveTree(Path path, String what) implements ServiceStep {
        @Override
        public String describe() {
            return "remove  " + path + "  (" + what + ")";
        }

        @Override
        public Optional<String> apply() throws IOException {
            return RootFiles.deleteTree(path) ? Optional.empty() : Optional.of("already absent");
        }
    }

    /** {@code sudo -l -U USER}: a warning when sudoers lets the agent run anything; run only on the host. */
    record CheckSudoRights(String user, boolean run) implements ServiceStep {
        @Override
        public String describe() {
            return "check   " + String.join(" ", SudoRights.listing(user)) + "  (warns if " + user
                    + " may run commands through sudo)" + (run ? "" : "  [not run with --root]");
        }

        @Override
        public Optional<String> apply() throws IOException {
            if (!run) {
                return Optional.empty();
            }
            if (!Files.isExecutable(SudoRights.SUDO)) {
                return Optional.of("no " + SudoRights.SUDO + " on this host: nothing to check");
            }
            return SudoRights.warning(user, HostCommand.run(SudoRights.listing(user)));
        }
    }

    /** {@code systemctl disable --now} of the unit, so no broker runs from a program being removed; host only. */
    record StopService(Path unit, boolean run) implements ServiceStep {
        static final List<Path> SYSTEMCTL = List.of(Path.of("/usr/bin/systemctl"), Path.of("/bin/systemctl"));

        @Override
        public String describe() {
            return "run     systemctl disable --now " + unit.getFileName() + "  (stops the broker before its program goes)"
                    + (run ? "" : "  [not run with --root]");
        }

        @Override
        public Optional<String> apply() throws IOException {
            if (!run || !Files.exists(unit, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Optional<Path> systemctl = SYSTEMCTL.stream().filter(Files::isExecutable).findFirst();
            if (systemctl.isEmpty()) {
                return Optional.of("no systemctl on this host: stop the broker yourself");
            }
            HostCommand.Result r = HostCommand.run(
                    List.of(systemctl.get().toString(), "disable", "--now", unit.getFileName().toString()));
            return r.exitCode() == 0 ? Optional.empty()
                    : Optional.of("WARNING: systemctl disable --now exited " + r.exitCode() + ": " + r.firstLine());
        }
    }
}
