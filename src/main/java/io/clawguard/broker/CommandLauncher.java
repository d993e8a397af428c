package io.clawguard.broker;

import io.clawguard.files.UserDatabase;

import io.clawguard.approval.RunAs;
import io.clawguard.approval.Verdict;
import io.clawguard.files.FileIdentity;
import io.clawguard.files.AtomicFile;
import io.clawguard.files.PinnedFolder;
import io.clawguard.files.PrivateDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts an authorised run the way it was shown: the resolved program, which must still be the
 * very file (device and inode) it was when the request arrived, in the pinned folder (reached
 * through the broker's open handle, so a renamed folder or a planted symlink changes nothing),
 * with an environment the broker builds, in a session of its own so the whole process group
 * can be ended and nothing it starts can read or write the console's terminal.
 */
final class CommandLauncher {
    static final String SAFE_PATH = "/usr/bin:/bin:/usr/sbin:/sbin";

    /** Runs a program under the name it was asked by: {@code bash -c 'exec -a "$0" "$@"' NAME PROGRAM ARGS}. */
    private static final String AS_NAMED = "exec -a \"$0\" \"$@\"";
    /** The kernel's limit on one argument (32 pages): strace printing this much never cuts an argv string. */
    private static final String MAX_ARG_STRLEN = "131072";
    /** Puts this process in the cgroup named by {@code $0}, then becomes the rest of the command line. */
    private static final String JOIN_CGROUP = "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"";

    private final Path setsid;
    private final Path setpriv;
    private final Path bash;
    private final String home;
    private final boolean root;
    private final Path strace;
    private final Path traces;
    private final RunCgroups cgroups;

    /** A started run: its process, the trace of its process tree and its cgroup (each null when there is none). */
    record Launch(Process process, Path trace, int ownExecs, Path cgroup) {
    }

    /**
     * {@code setsid}, {@code setpriv} and {@code bash} are checked by the broker at start; {@code home} is the
     * HOME a command run as the broker's own user gets. {@code strace} (null: not installed) follows each run's
     * process tree, its trace written in {@code traces}.
     */
    CommandLauncher(Path setsid, Path setpriv, Path bash, String home, boolean root, Path strace, Path traces,
                    RunCgroups cgroups) {
        this.strace = strace;
        this.traces = traces;
        this.cgroups = cgroups;
        this.setsid = setsid;
        this.setpriv = setpriv;
        this.bash = bash;
        this.home = home;
        this.root = root;
    }

    /** The HOME of the broker's own user, from the passwd file ("/" when it has none). */
    static String homeOf(int uid, Path passwd) {
        try {
            String h = UserDatabase.homeOf(uid, Files.readAllLines(passwd));
            return h == null || h.isEmpty() ? "/" : h;
        } catch (IOException e) {
            return "/";
        }
    }

    Launch start(Verdict.Run run, PinnedFolder folder) throws IOException {
        Path program = Path.of(run.binding().resolvedPath());
        FileIdentity now;
        try {
            now = FileIdentity.of(program);
        } catch (IOException e) {
            throw new IOException(program + " is gone since the request arrived");
        }
        if (!now.equals(run.binary())) {
            throw new IOException(program + " was replaced since the request arrived (file " + run.binary()
                    + ", now " + now + ")");
        }
        List<String> command = new ArrayList<>();
        Path cgroup = cgroups == null ? null : cgroups.create(run.requestId());
        if (cgroup != null) {
            // The first process joins the run's cgroup before it becomes anything else: all it starts is in it.
            command.addAll(List.of(bash.toString(), "-c", JOIN_CGROUP, cgroup.toString()));
        }
        command.addAll(List.of(setsid.toString(), "--"));
        RunAs as = run.runAs();
        // A root broker switches to the policy's user itself; one that is not root went through sudo -u.
        boolean switchUser = as != null && root;
        // Traced from the outside in: strace (as the broker) follows setpriv, the command and all it starts. A
        // broker that is not root going through sudo cannot trace it (a traced setuid program runs unprivileged).
        boolean throughSudo = !run.runArgv().get(0).equals(run.binding().resolvedPath());
        if ((strace == null || throughSudo) && !run.policy().denyChildren().isEmpty()) {
            // A rule nobody can check is no rule: refused rather than run unwatched.
            throw new IOException("command-policy.json has deny_children rules, but this run's children cannot be"
                    + " followed (" + (strace == null ? "strace is not installed" : "it runs through sudo") + ")");
        }
        Path trace = strace == null || throughSudo ? null : traceFile(run.requestId());
        if (trace != null) {
            command.addAll(List.of(strace.toString(), "-f", "-qq", "--seccomp-bpf", "-e",
                    "trace=execve,execveat,clone,clone3,fork,vfork", "-e", "signal=none", "-s", MAX_ARG_STRLEN, "-o",
                    trace.toString(), "--"));
        }
        int ownExecs = 1;
        if (switchUser) {
            command.addAll(List.of(setpriv.toString(), "--reuid=" + as.uid(), "--regid=" + as.gid(),
                    as.named() ? "--init-groups" : "--clear-groups", "--"));
            ownExecs++;
        }
        String asked = run.binding().argv().get(0);
        if (run.runArgv().get(0).equals(run.binding().resolvedPath()) && !asked.equals(run.binding().resolvedPath())) {
            // Started from the resolved file, a program that reads its name from argv[0] (xzcat is xz,
            // rbash is bash) would act as another: it gets the name the admin read.
            command.addAll(List.of(bash.toString(), "-c", AS_NAMED, asked));
            ownExecs++;
        }
        command.addAll(run.runArgv());
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.handle().toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(environment(run.commandEnv(), switchUser ? as.home() : home));
        try {
            return new Launch(pb.start(), trace, ownExecs, cgroup);
        } catch (IOException e) {
            if (cgroup != null) {
                RunCgroups.remove(cgroup);
            }
            throw e;
        }
    }

    /** An owner-only file for the run's trace, in the broker's own folder. */
    private Path traceFile(String requestId) throws IOException {
        PrivateDirectory.create(traces);
        Path f = traces.resolve(requestId + ".trace");
        Files.deleteIfExists(f);
        Files.createFile(f, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY));
        return f;
    }

    /** The whole environment a command gets: a fixed PATH, HOME, and the checked locale and terminal. */
    static Map<String, String> environment(Map<String, String> commandEnv, String home) {
        Map<String, String> env = new java.util.HashMap<>(commandEnv);
        env.put("PATH", SAFE_PATH);
        env.put("HOME", home);
        return env;
    }
}
