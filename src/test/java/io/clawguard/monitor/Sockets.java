package io.clawguard.monitor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Made-up sockets for tests: the fake side of {@link SocketCollector}. */
final class Sockets {
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private Sockets() {
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    static ListeningSocket listen(Protocol p, String bind, int port, String process) {
        return new ListeningSocket(p, ip(bind), port, 100 + port, process, "svc", true);
    }

    static Connection connect(Protocol p, String local, int localPort, String remote, int remotePort, String process) {
        return new Connection(p, ip(local), localPort, ip(remote), remotePort, 4000 + localPort, process, "agent", true);
    }

    static SocketSnapshot snapshot(List<ListeningSocket> listening, List<Connection> connections) {
        return new SocketSnapshot(listening, connections, T0);
    }

    /** A resolver that knows a fixed table, as DNS would answer. */
    static HostResolver resolver(Map<String, List<String>> forward, Map<String, String> reverse) {
        return new HostResolver() {
            @Override
            public List<InetAddress> addresses(String host) {
                return forward.getOrDefault(host, List.of()).stream().map(Sockets::ip).toList();
            }

            @Override
            public Optional<String> name(InetAddress address) {
                return Optional.ofNullable(reverse.get(Addresses.text(address)));
            }
        };
    }

    /** The fake collector: returns what the test set, one snapshot after another. */
    static final class FakeCollector implements SocketCollector {
        private final java.util.ArrayDeque<SocketSnapshot> next = new java.util.ArrayDeque<>();
        private SocketSnapshot last = snapshot(List.of(), List.of());

        FakeCollector then(SocketSnapshot s) {
            next.add(s);
            return this;
        }

        @Override
        public SocketSnapshot collect() {
            if (!next.isEmpty()) {
                last = next.poll();
            }
            return last;
        }
    }
}
