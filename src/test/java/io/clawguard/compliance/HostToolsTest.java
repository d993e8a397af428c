package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The host's tools as the checks run them: found in the system folders only, and never left running. */
class HostToolsTest {
    /** Processes whose command line carries {@code marker}. */
    private static long running(String marker) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).filter(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).contains(marker);
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void aToolPastItsDeadlineIsEndedWithEverythingItStarted() throws Exception {
        String marker = "301.7" + ProcessHandle.current().pid();
        HostFacts.ToolOutput out = HostTools.run(List.of("sh", "-c", "sleep " + marker + " & sleep " + marker),
                Duration.ofMillis(500)).orElseThrow();
        assertThat(out.exitCode()).isEqualTo(-1);
        assertThat(out.stderr()).contains("did not finish");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running(marker) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running(marker)).as("the background child too").isZero();
    }

    @Test
    void onlyBareNamesFromTheSystemFoldersRun() {
        assertThat(HostTools.run(List.of("/bin/sh", "-c", "true"))).as("a path is not a tool name").isEmpty();
        assertThat(HostTools.run(List.of("no-such-tool-" + ProcessHandle.current().pid()))).isEmpty();
        assertThat(HostTools.run(List.of("sh", "-c", "echo $LC_ALL")).orElseThrow().stdout()).isEqualTo("C\n");
    }
}
