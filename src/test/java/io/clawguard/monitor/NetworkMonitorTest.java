package io.clawguard.monitor;

import static io.clawguard.monitor.Sockets.connect;
import static io.clawguard.monitor.Sockets.listen;
import static io.clawguard.monitor.Sockets.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditLog;
import io.clawguard.audit.NetworkAuditWriter;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.NetworkEvent;
import io.clawguard.files.StateHome;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkMonitorTest {
    @TempDir
    Path root;
    StateHome home;
    EventBus bus = new EventBus();
    List<NetworkEvent> events = new ArrayList<>();
    List<NetworkChanged> pictures = new ArrayList<>();
    Sockets.FakeCollector collector = new Sockets.FakeCollector();
    NetworkMonitor monitor;

    @BeforeEach
    void setUp() {
        home = TestHomes.under(root);
        bus.subscribe(NetworkEvent.class, events::add);
        bus.subscribe(NetworkChanged.class, pictures::add);
        monitor = new NetworkMonitor(home, collector, Sockets.resolver(Map.of(), Map.of()), bus);
    }

    private List<String> actions() {
        List<String> out = events.stream().map(e -> e.action() + " " + e.subject()).toList();
        events.clear();
        return out;
    }

    @Test
    void publishesOnlyWhatChangedBetweenScans() throws Exception {
        TestHomes.write(home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"ssh\"}]");
        ListeningSocket ssh = listen(Protocol.TCP, "0.0.0.0", 22, "sshd");
        ListeningSocket web = listen(Protocol.TCP, "127.0.0.1", 8080, "java");
        collector.then(snapshot(List.of(ssh), List.of()))
                .then(snapshot(List.of(ssh), List.of()))
                .then(snapshot(List.of(ssh, web), List.of(connect(Protocol.TCP, "10.0.0.5", 50000, "203.0.113.9", 443, "curl"))))
                .then(snapshot(List.of(ssh), List.of()));

        monitor.scan();
        assertThat(actions()).containsExactly("port_opened tcp 0.0.0.0:22");
        assertThat(pictures).hasSize(1);

        monitor.scan();
        assertThat(actions()).isEmpty();
        assertThat(pictures).as("nothing changed, nothing published").hasSize(1);

        monitor.scan();
        assertThat(actions()).containsExactly("port_opened tcp 127.0.0.1:8080", "egress_new tcp 203.0.113.9:443 curl",
                "finding_raised unapproved-port tcp 127.0.0.1:8080", "finding_raised unapproved-egress tcp 203.0.113.9:443 curl");
        assertThat(pictures.get(1).listening()).hasSize(2);
        assertThat(pictures.get(1).findings()).hasSize(2);

        monitor.scan();
        assertThat(actions()).containsExactly("port_closed tcp 127.0.0.1:8080", "egress_gone tcp 203.0.113.9:443 curl",
                "finding_cleared unapproved-port tcp 127.0.0.1:8080", "finding_cleared unapproved-egress tcp 203.0.113.9:443 curl");
    }

    @Test
    void aBrokenRuleFileKeepsTheLastGoodRulesAndSaysSo() throws Exception {
        TestHomes.write(home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"ssh\"}]");
        collector.then(snapshot(List.of(listen(Protocol.TCP, "0.0.0.0", 22, "sshd")), List.of()));
        monitor.scan();
        TestHomes.write(home.approvedPorts(), "[{\"port\": \"twenty-two\"}]");
        NetworkScan scan = monitor.scan();
        assertThat(scan.ruleErrors()).singleElement().satisfies(e -> assertThat(e)
                .contains("approved_ports.json", "\"[0].port\" must be a whole number", "using the last good rules"));
        assertThat(scan.portFindings()).as("still judged by the last good rules").isEmpty();
        assertThat(pictures.get(pictures.size() - 1).ruleErrors()).hasSize(1);
    }

    @Test
    void changesAreAuditedWithTheirTime() throws Exception {
        NetworkAuditWriter.subscribe(bus, new AuditLog(home.auditLog(), Clock.systemUTC()));
        collector.then(snapshot(List.of(listen(Protocol.UDP, "::", 5353, "avahi")), List.of()));
        monitor.scan();
        String log = Files.readString(home.auditLog());
        assertThat(log).contains("\"action\":\"port_opened\"", "\"subject\":\"udp [::]:5353\"", "\"first_scan\":true",
                "\"action\":\"finding_raised\"", "public-bind udp [::]:5353");
    }

    @Test
    void anEventWithAnActionTheLogDoesNotKnowIsNotRecorded() throws Exception {
        NetworkAuditWriter.subscribe(bus, new AuditLog(home.auditLog(), Clock.systemUTC()));
        bus.publish(new NetworkEvent("port_opened\nexec_start", "tcp *:22", "sshd", false, java.time.Instant.now()));
        bus.publish(new NetworkEvent("egress_new", "10.0.0.9:443", "pid 7", false, java.time.Instant.now()));
        bus.publish(new io.clawguard.bus.NetworkChanged(List.of(), List.of(), 0, List.of(), true, true, List.of(),
                java.time.Instant.now()));
        String log = Files.readString(home.auditLog());
        assertThat(log.lines()).hasSize(1);
        assertThat(log).contains("\"action\":\"egress_new\"").doesNotContain("tcp *:22");
    }

    @Test
    void aFloodOfChangesIsWrittenInBatchesAndAllOfItOnceTheScanEnds() throws Exception {
        NetworkAuditWriter.subscribe(bus, new AuditLog(home.auditLog(), Clock.systemUTC()));
        for (int port = 1; port <= 100; port++) {
            bus.publish(new NetworkEvent("port_opened", "tcp 0.0.0.0:" + port, "nc", false, java.time.Instant.now()));
        }
        assertThat(Files.readAllLines(home.auditLog())).as("one batch written, the rest waits for the scan's end")
                .hasSize(64);
        bus.publish(new io.clawguard.bus.NetworkChanged(List.of(), List.of(), 0, List.of(), true, true, List.of(),
                java.time.Instant.now()));
        assertThat(Files.readAllLines(home.auditLog())).hasSize(100);
        assertThat(io.clawguard.audit.AuditVerifier.verify(home.auditLog()).intact()).isTrue();
    }

    @Test
    void aFailingScanSaysSoInsteadOfPassingOffTheLastPictureAsCurrent() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<NetworkChanged> pictures = new java.util.concurrent.LinkedBlockingQueue<>();
        bus.subscribe(NetworkChanged.class, pictures::add);
        boolean[] broken = {false};
        SocketCollector flaky = () -> {
            if (broken[0]) {
                throw new java.io.IOException("cannot open a sock_diag socket (errno 24)");
            }
            return collector.collect();
        };
        collector.then(snapshot(List.of(listen(Protocol.TCP, "0.0.0.0", 22, "sshd")), List.of()));
        java.util.concurrent.ScheduledExecutorService scans = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            new NetworkMonitor(home, flaky, Sockets.resolver(Map.of(), Map.of()), bus).start(scans,
                    java.time.Duration.ofMillis(20));
            NetworkChanged good = pictures.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(good.scanError()).isNull();
            broken[0] = true;
            NetworkChanged stale = pictures.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(stale.scanError()).contains("errno 24");
            assertThat(stale.listening()).as("the last picture, marked").isEqualTo(good.listening());
            broken[0] = false;
            NetworkChanged again = pictures.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            while (again != null && again.scanError() != null) {
                again = pictures.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(again).as("a good scan clears it, changed or not").isNotNull();
        } finally {
            scans.shutdownNow();
        }
    }
}
