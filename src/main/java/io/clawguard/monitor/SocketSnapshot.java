package io.clawguard.monitor;

import java.time.Instant;
import java.util.List;

/** Everything one scan saw; immutable, so monitors diff one snapshot against the last. */
public record SocketSnapshot(List<ListeningSocket> listening, List<Connection> connections, Instant at) {
    public SocketSnapshot {
        listening = List.copyOf(listening);
        connections = List.copyOf(connections);
    }
}
