package io.clawguard.monitor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * DNS answers cached for a time to live and refreshed in the background: a lookup returns
 * the cached answer (empty the first time) and queues a refresh when it is missing or stale.
 * The lookups themselves are injected, so tests resolve names without a network.
 */
public final class CachingResolver implements HostResolver, AutoCloseable {
    private record Entry<T>(T value, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Function<String, List<InetAddress>> forward;
    private final Function<InetAddress, Optional<String>> reverse;
    private final Map<String, Entry<List<InetAddress>>> addresses = new ConcurrentHashMap<>();
    private final Map<InetAddress, Entry<Optional<String>>> names = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dns-refresh");
        t.setDaemon(true);
        return t;
    });

    public CachingResolver(Clock clock, Duration ttl, Function<String, List<InetAddress>> forward,
                           Function<InetAddress, Optional<String>> reverse) {
        this.clock = clock;
        this.ttl = ttl;
        this.forward = forward;
        this.reverse = reverse;
    }

    /** The system's resolver, cached for {@code ttl}. */
    public static CachingResolver system(Clock clock, Duration ttl) {
        return new CachingResolver(clock, ttl, host -> {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }, address -> {
            String name = address.getCanonicalHostName();
            return name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
        });
    }

    @Override
    public List<InetAddress> addresses(String host) {
        return cached(addresses, host, forward, List.of());
    }

    @Override
    public Optional<String> name(InetAddress address) {
        return cached(names, address, reverse, Optional.empty());
    }

    private <K, V> V cached(Map<K, Entry<V>> cache, K key, Function<K, V> lookup, V none) {
        Entry<V> e = cache.get(key);
        if ((e == null || !clock.instant().isBefore(e.expires())) && inFlight.putIfAbsent(key, Boolean.TRUE) == null) {
            lookups.execute(() -> {
                try {
                    cache.put(key, new Entry<>(lookup.apply(key), clock.instant().plus(ttl)));
                } finally {
                    inFlight.remove(key);
                }
            });
        }
        return e == null ? none : e.value();
    }

    /**
     * Waits up to {@code limit} for the lookups queued so far: a one-shot report wants the
     * answers; the console's scans never call this.
     */
    public void await(Duration limit) {
        try {
            lookups.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Answers that did not come in time stay unknown; the report says what it saw.
        }
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
