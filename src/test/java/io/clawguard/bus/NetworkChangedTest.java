package io.clawguard.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A picture too big to send keeps what matters most and says how much it left out. */
class NetworkChangedTest {
    @Test
    void flaggedRowsAreKeptFirstAndTheRestCounted() {
        List<NetworkChanged.Listener> listening = new ArrayList<>();
        for (int port = 1; port <= 100; port++) {
            listening.add(new NetworkChanged.Listener("tcp 0.0.0.0:" + port, "tcp", "0.0.0.0", port, port, "p", "u"));
        }
        List<NetworkChanged.FindingView> findings = List.of(
                new NetworkChanged.FindingView("unapproved-port", "medium", "tcp 0.0.0.0:99", "s", "r"),
                new NetworkChanged.FindingView("insecure-port", "high", "tcp 0.0.0.0:100", "s", "r"));
        NetworkChanged all = new NetworkChanged(listening, List.of(), 0, findings, true, true, List.of(), Instant.EPOCH);

        NetworkChanged sent = all.forTheWire(10);

        assertThat(sent.listening()).hasSize(10);
        assertThat(sent.listening().subList(0, 2)).extracting(NetworkChanged.Listener::port).containsExactly(99, 100);
        assertThat(sent.findings()).hasSize(2);
        assertThat(sent.omittedRows()).isEqualTo(90);
        assertThat(all.forTheWire(1000)).as("small enough: sent as it is").isSameAs(all);
    }
}
