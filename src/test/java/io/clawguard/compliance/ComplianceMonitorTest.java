package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditChainWatch;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.monitor.NetworkScan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard follows events: a port opening changes the score without waiting for the timer. */
class ComplianceMonitorTest {
    @Test
    void aNetworkChangeReassessesSoon(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.file(h.home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"ssh\"}]");
        h.listening.add(PreparedHome.listener("0.0.0.0", 22, "sshd"));
        AtomicReference<Optional<NetworkScan>> scan = new AtomicReference<>(h.signals().network());
        EventBus bus = new EventBus();
        LinkedBlockingQueue<ScorecardChanged> cards = new LinkedBlockingQueue<>();
        bus.subscribe(ScorecardChanged.class, cards::add);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            new ComplianceMonitor(Assessor.builtIn(), ControlCatalog.builtIn(), h.home, h.openclawDir, h, scan::get,
                    AuditChainWatch.readOnly(h.home.auditLog()), bus, Clock.systemUTC(), "test").start(executor, Duration.ofHours(1));
            ScorecardChanged first = cards.poll(10, TimeUnit.SECONDS);
            assertThat(status(first, "insecure_ports_remediated")).isEqualTo("compliant");

            h.listening.add(PreparedHome.listener("0.0.0.0", 23, "telnetd"));
            scan.set(h.signals().network());
            bus.publish(new NetworkChanged(List.of(), List.of(), 0, List.of(), true, true, List.of(), Instant.now()));
            ScorecardChanged second = cards.poll(10, TimeUnit.SECONDS);
            assertThat(second).as("reassessed after the event, not after the hour").isNotNull();
            assertThat(status(second, "insecure_ports_remediated")).isEqualTo("violation");
            assertThat(second.score()).isLessThan(first.score());
        } finally {
            executor.shutdownNow();
            // An assessment still writing its state must finish before the temp folder goes.
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String status(ScorecardChanged card, String id) {
        return card.checks().stream().filter(c -> c.checkId().equals(id)).findFirst().orElseThrow().status();
    }
}
