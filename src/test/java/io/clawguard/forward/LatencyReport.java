package io.clawguard.forward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the exec latencies measured before and during a collector outage to
 * {@code target/syslog-outage-latency.txt}, for {@code scripts/bench-syslog-outage.sh} to
 * report. A record of what was seen, not a check: tests assert behaviour, never time.
 */
final class LatencyReport {
    private LatencyReport() {
    }

    static void write(List<Long> normal, List<Long> outage) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "syslog-outage-latency.txt"), "normal_us " + describe(normal) + "\noutage_us "
                + describe(outage) + "\n");
    }

    private static String describe(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return "runs=" + sorted.size() + " median=" + sorted.get(sorted.size() / 2) + " p90="
                + sorted.get(sorted.size() * 9 / 10) + " max=" + sorted.get(sorted.size() - 1);
    }
}
