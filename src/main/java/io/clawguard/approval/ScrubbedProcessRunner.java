package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command as a child process with the terminal passed through and an environment
 * scrubbed to a fixed PATH and a few harmless variables, so nothing like {@code LD_PRELOAD}
 * or {@code PYTHONPATH} from the requester reaches a root process.
 */
public final class ScrubbedProcessRunner implements CommandRunner {
    public static final String SAFE_PATH = "/usr/bin:/bin:/usr/sbin:/sbin";
    private static final List<String> PASSED_THROUGH = List.of("LANG", "LC_ALL", "HOME", "TERM");

    private final Map<String, String> callerEnv;

    public ScrubbedProcessRunner(Map<String, String> callerEnv) {
        this.callerEnv = Map.copyOf(callerEnv);
    }

    /** The whole environment the command gets. */
    public static Map<String, String> scrub(Map<String, String> callerEnv) {
        HashMap<String, String> env = new HashMap<>();
        env.put("PATH", SAFE_PATH);
        for (String name : PASSED_THROUGH) {
            String value = callerEnv.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    @Override
    public int run(List<String> argv, Path cwd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile()).inheritIO();
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(scrub(callerEnv));
        Process process = pb.start();
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // The command is already running as root: keep waiting so its end is audited.
                Thread.interrupted();
            }
        }
    }
}
