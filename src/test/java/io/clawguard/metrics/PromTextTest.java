package io.clawguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code clawguard.prom} against a golden file, and against Prometheus's own checker. */
class PromTextTest {
    private static final Path GOLDEN = Path.of("src/test/resources/metrics/clawguard.prom");

    static MetricsSnapshot busyHost() {
        return new MetricsSnapshot(3, true, 1742, 71, 84,
                Map.of(new MetricsSnapshot.StatusRisk("violation", "high"), 2L,
                        new MetricsSnapshot.StatusRisk("partial", "medium"), 1L,
                        new MetricsSnapshot.StatusRisk("compliant", "high"), 9L,
                        new MetricsSnapshot.StatusRisk("not_assessed", "low"), 1L), true,
                Map.of("insecure-port", 1L, "unapproved-egress", 4L, "public-bind", 2L),
                201_326_592L, 882_119L, true, Map.of("approved", 40L, "denied", 3L, "timed_out", 1L),
                new MetricsSnapshot.Forwarding(12, false));
    }

    @Test
    void theFileMatchesTheGoldenOne() throws Exception {
        assertThat(PromText.of(busyHost())).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void promtoolAcceptsItWithoutAWarning() throws Exception {
        assertThat(promtool(PromText.of(busyHost()))).isEmpty();
    }

    @Test
    void aQuietHostBeforeItsFirstAssessmentIsStillWellFormed() throws Exception {
        String text = PromText.of(new MetricsSnapshot(0, false, 999, null, null, Map.of(), null, Map.of(), 0, 0, false, Map.of(),
                null));
        assertThat(text).contains("clawguard_elevation_idle_seconds_left 0\n", "clawguard_audit_chain_intact 0\n")
                .doesNotContain("clawguard_compliance_score", "clawguard_syslog");
        assertThat(promtool(text)).isEmpty();
    }

    @Test
    void labelValuesAreEscaped() throws Exception {
        String text = PromText.of(new MetricsSnapshot(0, false, 0, null, null, Map.of(), false, Map.of("odd\"kind\\\nx", 1L), 0, 0,
                true, Map.of(), new MetricsSnapshot.Forwarding(0, true)));
        assertThat(text).contains("clawguard_network_findings{kind=\"odd\\\"kind\\\\\\nx\"} 1\n",
                "clawguard_syslog_up 0\n");
        assertThat(promtool(text)).isEmpty();
    }

    /** What {@code promtool check metrics} says of the text (its problems; empty when it has none). */
    private static String promtool(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as("promtool check metrics: %s", said).isZero();
        return said;
    }
}
