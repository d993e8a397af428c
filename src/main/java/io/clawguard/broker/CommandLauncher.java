package io.clawguard.broker;

import io.clawguard.files.UserDatabase;

import io.clawguard.approval.RunAs;
import io.clawguard.approval.Verdict;
import io.clawguard.files.FileIdentity;
import io.clawguard.files.PinnedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final Path setsid;
    private final Path setpriv;
    private final Path bash;
    private final String home;
    private final boolean root;

    /**
     * {@code setsid}, {@code setpriv} and {@code bash} are checked by the broker at start; {@code home} is the
     * HOME a command run as the broker's own user gets.
     */
    CommandLauncher(Path setsid, Path setpriv, Path bash, String home, boolean root) {
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

    Process start(Verdict.Run run, PinnedFolder folder) throws IOException {
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
        List<String> command = new ArrayList<>(List.of(setsid.toString(), "--"));
        RunAs as = run.runAs();
        // A root broker switches to the policy's user itself; one that is not root went through sudo -u.
        boolean switchUser = as != null && root;
        if (switchUser) {
            command.addAll(List.of(setpriv.toString(), "--reuid=" + as.uid(), "--regid=" + as.gid(),
                    as.named() ? "--init-groups" : "--clear-groups", "--"));
        }
        String asked = run.binding().argv().get(0);
        if (run.runArgv().get(0).equals(run.binding().resolvedPath()) && !asked.equals(run.binding().resolvedPath())) {
            // Started from the resolved file, a program that reads its name from argv[0] (xzcat is xz,
            // rbash is bash) would act as another: it gets the name the admin read.
            command.addAll(List.of(bash.toString(), "-c", AS_NAMED, asked));
        }
        command.addAll(run.runArgv());
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.handle().toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(environment(run.commandEnv(), switchUser ? as.home() : home));
        return pb.start();
    }

    /** The whole environment a command gets: a fixed PATH, HOME, and the checked locale and terminal. */
    static Map<String, String> environment(Map<String, String> commandEnv, String home) {
        Map<String, String> env = new java.util.HashMap<>(commandEnv);
        env.put("PATH", SAFE_PATH);
        env.put("HOME", home);
        return env;
    }
}
