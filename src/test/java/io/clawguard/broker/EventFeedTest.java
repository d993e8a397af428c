package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** An agent flooding ports cannot push an admin's console off the broker. */
class EventFeedTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aFloodOfNetworkRecordsIsThinnedAndTheRequestsStillArrive() throws Exception {
        EventBus bus = new EventBus();
        CountDownLatch slow = new CountDownLatch(1);
        List<Event> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean cutOff = new AtomicBoolean();
        try (EventFeed feed = new EventFeed(bus, List::of, e -> {
            try {
                slow.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            seen.add(e);
        }, () -> cutOff.set(true))) {
            for (int port = 0; port < 3 * EventFeed.MAX_QUEUED; port++) {
                bus.publish(new NetworkEvent("port_opened", "tcp 0.0.0.0:" + port, "nc", false, T));
                bus.publish(new AuditRecorded(Map.of("action", "port_opened", "seq", (long) port + 1), T));
            }
            bus.publish(new ApprovalDecided("r-1", "approved", false, null, T));
            slow.countDown();
            for (int i = 0; i < 500 && seen.stream().noneMatch(ApprovalDecided.class::isInstance); i++) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertThat(cutOff).as("the console stays attached").isFalse();
            assertThat(seen).as("the decision arrives").anyMatch(ApprovalDecided.class::isInstance);
            assertThat(seen).as("no raw network events: the picture carries them")
                    .noneMatch(NetworkEvent.class::isInstance);
            assertThat(seen.stream().filter(AuditRecorded.class::isInstance).count())
                    .as("network records past the backlog are left to the log")
                    .isLessThanOrEqualTo(EventFeed.NETWORK_BACKLOG + 1);
        }
    }
}
