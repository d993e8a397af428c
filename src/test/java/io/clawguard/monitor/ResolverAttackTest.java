package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The broker's resolver (CachingResolver.system, 5-minute TTL) keeps one entry per remote
 * address ever seen and never drops one, and queues one reverse lookup per new address on a
 * single thread with an unbounded queue. A UDP connect() sends nothing and takes microseconds:
 * the agent connects UDP sockets to a fresh address each (10,000 per scan with the default
 * fd limit, 5,000 a second at a 2 s scan), and each becomes an outbound connection the
 * evaluator resolves. The cache and the queue grow without end (about 18 million entries an
 * hour), until the broker, root, runs out of heap. With a PTR zone of its own that never
 * answers, each queued lookup also holds the one DNS thread for the resolver's timeout, so
 * the names of legitimate destinations (host and host_regex rules) stop being refreshed.
 */
class ResolverAttackTest {
    @Test
    void theReverseCacheAndTheLookupQueueStayBoundedUnderAFloodOfDistinctDestinations() throws Exception {
        CountDownLatch dnsHangs = new CountDownLatch(1);
        try (CachingResolver resolver = new CachingResolver(Clock.systemUTC(), Duration.ofMinutes(5), host -> List.of(),
                address -> {
                    try {
                        dnsHangs.await(); // the agent's PTR zone does not answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.empty();
                })) {
            int destinations = 300_000;
            for (int i = 0; i < destinations; i++) {
                resolver.name(InetAddress.getByAddress(new byte[] {(byte) 100, (byte) (64 + (i >>> 16)), (byte) (i >>> 8),
                        (byte) i}));
            }
            Field inFlight = CachingResolver.class.getDeclaredField("inFlight");
            inFlight.setAccessible(true);
            int queued = ((Map<?, ?>) inFlight.get(resolver)).size();
            dnsHangs.countDown();
            assertThat(queued).as("reverse lookups held for distinct destinations the agent made up")
                    .isLessThanOrEqualTo(100_000);
        }
    }
}
