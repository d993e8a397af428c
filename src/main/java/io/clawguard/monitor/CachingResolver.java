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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * DNS answers cached for a time to live and refreshed in the background: a lookup returns
 * the cached answer (empty the first time) and queues a refresh when it is missing or stale.
 * The lookups themselves are injected, so tests resolve names without a network.
 *
 * <p>Reverse names are asked for every destination, and the agent makes up destinations at
 * will (a UDP connect sends nothing): at most {@link #MAX_REVERSE_QUEUED} of those lookups wait
 * at once and at most {@link #MAX_NAMES} answers are kept, and they run on a thread of their
 * own, so the names of the admin's rule hosts are refreshed whatever a slow PTR zone does.
 */
public final class CachingResolver implements HostResolver, AutoCloseable {
    static final int MAX_REVERSE_QUEUED = 1_000;
    static final int MAX_NAMES = 50_000;

    private record Entry<T>(T value, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Function<String, List<InetAddress>> forward;
    private final Function<InetAddress, Optional<String>> reverse;
    private final Map<String, Entry<List<InetAddress>>> addresses = new ConcurrentHashMap<>();
    private final Map<InetAddress, Entry<Optional<String>>> names = new ConcurrentHashMap<>();
    private final Map<Object, Boolean> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger reverseQueued = new AtomicInteger();
    private final ExecutorService forwardLookups = lookupThread("dns-refresh");
    private final ExecutorService reverseLookups = lookupThread("dns-reverse");

    private static ExecutorService lookupThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

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
        Entry<List<InetAddress>> e = addresses.get(host);
        if (stale(e) && inFlight.putIfAbsent(host, Boolean.TRUE) == null) {
            forwardLookups.execute(() -> {
                try {
                    addresses.put(host, new Entry<>(forward.apply(host), clock.instant().plus(ttl)));
                } finally {
                    inFlight.remove(host);
                }
            });
        }
        return e == null ? List.of() : e.value();
    }

    @Override
    public Optional<String> name(InetAddress address) {
        Entry<Optional<String>> e = names.get(address);
        if (stale(e) && reverseQueued.get() < MAX_REVERSE_QUEUED && inFlight.putIfAbsent(address, Boolean.TRUE) == null) {
            reverseQueued.incrementAndGet();
            reverseLookups.execute(() -> {
                try {
                    keepName(address, reverse.apply(address));
                } finally {
                    inFlight.remove(address);
                    reverseQueued.decrementAndGet();
                }
            });
        }
        return e == null ? Optional.empty() : e.value();
    }

    private boolean stale(Entry<?> e) {
        return e == null || !clock.instant().isBefore(e.expires());
    }

    /** Keeps an answer while there is room; past {@link #MAX_NAMES}, expired answers go first, then the new one waits. */
    private void keepName(InetAddress address, Optional<String> name) {
        if (names.size() >= MAX_NAMES && !names.containsKey(address)) {
            names.values().removeIf(this::stale);
            if (names.size() >= MAX_NAMES) {
                return;
            }
        }
        names.put(address, new Entry<>(name, clock.instant().plus(ttl)));
    }

    /**
     * Waits up to {@code limit} for the lookups queued so far: a one-shot report wants the
     * answers; the console's scans never call this.
     */
    public void await(Duration limit) {
        try {
            long deadline = System.nanoTime() + limit.toNanos();
            forwardLookups.submit(() -> { }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            reverseLookups.submit(() -> { }).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Answers that did not come in time stay unknown; the report says what it saw.
        }
    }

    @Override
    public void close() {
        forwardLookups.shutdownNow();
        reverseLookups.shutdownNow();
    }
}
