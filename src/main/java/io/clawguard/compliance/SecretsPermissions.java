package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notApplicable;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.unreadable;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.files.FileFacts;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * secrets_permissions_hardened: owners and modes of ClawGuard's state folder and of OpenClaw's,
 * where OpenClaw keeps what an intruder wants: openclaw.json, .env, exec-approvals.json,
 * credentials/ (channel logins, e.g. credentials/whatsapp/default/creds.json), each agent's
 * agent/auth-profiles.json (model API keys), each agent's sessions/ (transcripts; sessions/ at the top in
 * older layouts) and logs/ (where the installed service writes its output), plus the gateway's rolling
 * log (logging.file, else /tmp/openclaw/: docs.openclaw.ai/logging).
 * Folders 0700, files 0600 (OpenClaw's own audit --fix sets the same), owned by the folder's owner
 * or root. Symlinks are findings, never followed; the walk stops after {@link #MAX_ENTRIES} entries.
 */
final class SecretsPermissions {
    static final int MAX_ENTRIES = 5000;

    private SecretsPermissions() {
    }

    /** What one assessment found, across both folders. */
    private static final class Findings {
        final List<String> problems = new ArrayList<>();
        final Set<Path> chmodDirs = new LinkedHashSet<>();
        final Set<Path> chmodFiles = new LinkedHashSet<>();
        final Set<String> chown = new LinkedHashSet<>();
        final List<String> unreadable = new ArrayList<>();
        int entries;
        boolean capped;

        /** One entry judged against its folder's owner; false once the cap is reached. */
        boolean judge(Path p, Path reference, int ownerUid, boolean searchOnlyAllowed) {
            if (++entries > MAX_ENTRIES) {
                capped = true;
                return false;
            }
            try {
                if (Files.isSymbolicLink(p)) {
                    problems.add(Evidence.path(p) + " is a symlink to " + Evidence.path(Files.readSymbolicLink(p))
                            + " (not followed)");
                    return true;
                }
                FileFacts f = FileFacts.of(p);
                if (f.uid() != ownerUid && f.uid() != 0) {
                    problems.add(Evidence.path(p) + " is owned by uid " + f.uid() + " (want uid " + ownerUid
                            + ", the folder's owner, or root)");
                    chown.add(Evidence.path(reference) + " " + Evidence.path(p));
                }
                // Search only (0711) is how a broker lets named agents and admins reach ClawGuard's sockets.
                int loose = f.directory() && searchOnlyAllowed ? f.mode() & 066 : f.mode() & 077;
                if (loose != 0 && (f.directory() || f.regularFile())) {
                    problems.add(Evidence.path(p) + " is " + f.octalMode() + " (want " + (f.directory() ? "0700" : "0600") + ")");
                    (f.directory() ? chmodDirs : chmodFiles).add(p);
                }
            } catch (IOException e) {
                unreadable.add(Evidence.path(p) + ": " + e.getClass().getSimpleName());
            }
            return true;
        }

        /** Every entry under {@code start}, itself included; symlinked folders are judged, not entered. */
        void walk(Path start, Path reference, int ownerUid) {
            if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try {
                Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return judge(dir, reference, ownerUid, false) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        return judge(file, reference, ownerUid, false) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        unreadable.add(Evidence.path(file) + ": " + e.getClass().getSimpleName());
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                unreadable.add(Evidence.path(start) + ": " + e.getClass().getSimpleName());
            }
        }

        /** The real folders in agents/; a symlink there is judged (a finding) instead of entered. */
        List<Path> agents(Path dir, Path reference, int ownerUid) {
            List<Path> out = new ArrayList<>();
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return out;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path e : entries) {
                    if (out.size() >= MAX_ENTRIES) {
                        capped = true;
                        break;
                    }
                    if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(e);
                    } else if (Files.isSymbolicLink(e) && !judge(e, reference, ownerUid, false)) {
                        break;
                    }
                }
            } catch (IOException e) {
                unreadable.add(dir + ": " + e.getClass().getSimpleName());
            }
            return out;
        }
    }

    static CheckResult.Draft judge(Signals s) {
        Findings f = new Findings();
        Path clawguard = s.home().dir();
        List<String> looked = new ArrayList<>();
        if (!Files.exists(clawguard, LinkOption.NOFOLLOW_LINKS)) {
            looked.add(clawguard + " (does not exist)");
        } else ownerOf(clawguard, f).ifPresent(uid -> {
            looked.add(clawguard + " (and its files)");
            f.judge(clawguard, clawguard, uid, true);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(clawguard)) {
                for (Path p : files) {
                    if ((Files.isSymbolicLink(p) || Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                            && !f.judge(p, clawguard, uid, false)) {
                        break;
                    }
                }
            } catch (IOException e) {
                f.unreadable.add(clawguard + ": " + e.getClass().getSimpleName());
            }
        });
        Path openclaw = s.openclawDir();
        if (!Files.exists(openclaw, LinkOption.NOFOLLOW_LINKS)) {
            looked.add(openclaw + " (does not exist)");
        } else if (Files.isSymbolicLink(openclaw)) {
            f.judge(openclaw, openclaw, -1, false);
        } else {
            ownerOf(openclaw, f).ifPresent(uid -> {
                looked.add(openclaw + " (openclaw.json, .env, exec-approvals.json, credentials/, agents/*/agent/"
                        + "auth-profiles.json, agents/*/sessions/, sessions/, logs/)");
                f.judge(openclaw, openclaw, uid, false);
                // The config under the names OpenClaw still reads (clawdbot.json…) holds the same secrets.
                for (String name : List.of("openclaw.json", "clawdbot.json", "moldbot.json", "moltbot.json", ".env",
                        "exec-approvals.json", "credentials", "sessions", "logs")) {
                    f.walk(openclaw.resolve(name), openclaw, uid);
                }
                for (Path agent : f.agents(openclaw.resolve("agents"), openclaw, uid)) {
                    f.walk(agent.resolve("agent").resolve("auth-profiles.json"), openclaw, uid);
                    f.walk(agent.resolve("sessions"), openclaw, uid);
                }
                Path logs = logLocation(s);
                // logging.file is the agent's to write: its name is quoted like any other found on disk.
                looked.add(Evidence.path(logs) + " (the gateway's log)");
                f.walk(logs, openclaw, uid);
            });
        }
        String evidence = f.entries + " entries inspected in " + String.join(", ", looked)
                + (f.capped ? "; stopped at " + MAX_ENTRIES + " entries" : "")
                + (f.problems.isEmpty() ? "" : "; " + Evidence.list(f.problems));
        if (f.entries == 0 && f.unreadable.isEmpty()) {
            // Nothing exists yet to protect: no credit, and no blame either.
            return notApplicable("neither ClawGuard's nor OpenClaw's state folder exists yet", evidence);
        }
        if (!f.problems.isEmpty()) {
            return violation(f.problems.size() + " secret file(s) or folder(s) open to others or not the owner's", evidence,
                    "credentials, tokens and transcripts can be read or changed by other users", mitigation(f));
        }
        if (!f.unreadable.isEmpty()) {
            return unreadable(Evidence.list(f.unreadable), "cannot be inspected by this user");
        }
        if (f.capped) {
            return partial("no loose permission among the first " + MAX_ENTRIES + " entries", evidence,
                    "the entries past the cap were not inspected", "Archive old sessions out of " + openclaw
                            + "/agents/*/sessions, then assess again.");
        }
        return compliant("state folders are 0700, secret files 0600, all owned by their folder's owner", evidence);
    }

    private static Optional<Integer> ownerOf(Path dir, Findings f) {
        try {
            return Optional.of(FileFacts.of(dir).uid());
        } catch (IOException e) {
            f.unreadable.add(dir + ": " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** logging.file when openclaw.json sets it to an absolute path, else the default folder /tmp/openclaw on the host. */
    private static Path logLocation(Signals s) {
        OpenClawSettings oc = s.openclaw();
        Optional<String> file = oc.unusable().isEmpty() ? oc.at("logging.file").filter(String.class::isInstance)
                .map(String.class::cast) : Optional.empty();
        // A NUL names no file (OpenClaw cannot open it either), and Java refuses it as a path.
        return file.filter(p -> p.startsWith("/") && p.indexOf('\0') < 0).map(p -> s.host().path(p))
                .orElse(s.host().path("/tmp/openclaw"));
    }

    private static String mitigation(Findings f) {
        List<String> steps = new ArrayList<>();
        if (!f.chmodDirs.isEmpty()) {
            steps.add("chmod 700 " + String.join(" ", f.chmodDirs.stream().limit(20).map(Evidence::path).toList()));
        }
        if (!f.chmodFiles.isEmpty()) {
            steps.add("chmod 600 " + String.join(" ", f.chmodFiles.stream().limit(20).map(Evidence::path).toList()));
        }
        f.chown.stream().limit(20).forEach(c -> steps.add("chown --reference=" + c));
        if (f.problems.stream().anyMatch(p -> p.contains("is a symlink"))) {
            steps.add("replace each symlink named with the real file (or remove it)");
        }
        return String.join("; ", steps) + (f.problems.size() > 20 ? "; then assess again for the rest" : "") + ".";
    }
}
