package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrubbedProcessRunnerTest {
    @Test
    void onlyTheSafeVariablesReachTheCommand() {
        Map<String, String> env = ScrubbedProcessRunner.scrub(Map.of("LD_PRELOAD", "/tmp/evil.so",
                "PYTHONPATH", "/tmp", "PATH", "/tmp/bin:/usr/bin", "HOME", "/root", "LANG", "C.UTF-8", "TERM", "xterm",
                "BASH_ENV", "/tmp/x"));
        assertThat(env).containsOnly(Map.entry("PATH", "/usr/bin:/bin:/usr/sbin:/sbin"), Map.entry("HOME", "/root"),
                Map.entry("LANG", "C.UTF-8"), Map.entry("TERM", "xterm"));
    }

    @Test
    void returnsTheCommandsExitCode(@TempDir Path dir) throws Exception {
        ScrubbedProcessRunner runner = new ScrubbedProcessRunner(Map.of());
        assertThat(runner.run(List.of("/bin/sh", "-c", "exit 42"), dir)).isEqualTo(42);
        assertThat(runner.run(List.of("/usr/bin/true"), dir)).isZero();
    }
}
