package io.clawguard.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan saw; immutable, so monitors diff one snapshot against the last.
 * {@code floods} names the users whose sockets past {@link #PER_USER} were not examined, and
 * how many: one user opening a hundred thousand sockets must not exhaust the broker's heap, nor
 * crowd out everyone else's sockets.
 */
public record SocketSnapshot(List<ListeningSocket> listening, List<Connection> connections, Instant at,
                             Map<String, Integer> floods) {
    /** Listeners, and connections, examined per user and scan. */
    public static final int PER_USER = 10_000;

    public SocketSnapshot {
        listening = List.copyOf(listening);
        connections = List.copyOf(connections);
        floods = Map.copyOf(floods);
    }

    public SocketSnapshot(List<ListeningSocket> listening, List<Connection> connections, Instant at) {
        this(listening, connections, at, Map.of());
    }
}
