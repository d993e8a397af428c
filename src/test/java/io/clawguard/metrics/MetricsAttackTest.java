package io.clawguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What clawguard.prom says while the agent keeps the network scan failing. */
class MetricsAttackTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path textfiles;

    /**
     * Once scans fail, NetworkMonitor republishes the last good picture marked failing; the
     * console says so, but the exporter takes the picture's findings as they are and has no
     * series for the failure: clawguard_network_findings goes on reporting the last good scan's
     * counts (for example 0) as current, and an alert on it never fires while the agent opens
     * ports. The file must differ once the figures are stale (a scan-failing gauge, or the
     * findings series left out).
     */
    @Test
    void aFailingScanIsVisibleInTheMetricsInsteadOfTheLastGoodCounts() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            EventBus bus = new EventBus();
            MetricsExporter exporter = new MetricsExporter(textfiles, Clock.systemUTC(), () -> 0,
                    () -> new MetricsExporter.AuditFigures(0, 0, true));
            exporter.start(bus, executor);
            NetworkChanged good = new NetworkChanged(List.of(), List.of(), 0,
                    List.of(new NetworkChanged.FindingView("unapproved-port", "medium", "tcp 0.0.0.0:1", "s", "r")),
                    true, true, List.of(), T);
            bus.publish(good);
            String current = PromText.of(exporter.snapshot());
            bus.publish(good.failing("IOException: sock_diag failed"));
            String stale = PromText.of(exporter.snapshot());
            assertThat(stale).as("clawguard.prom while every scan fails").isNotEqualTo(current);
        } finally {
            executor.shutdownNow();
        }
    }
}
