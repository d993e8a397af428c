package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.NetworkEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * The agent opens tens of thousands of ports (4 x 64k are possible: tcp/udp x v4/v6) and
     * toggles one of them every scan, so every scan (every 2 s) publishes a new NetworkChanged
     * carrying every listener. A console that stalls (an SSH link that hangs, a laptop that
     * sleeps, Ctrl-S in the admin's terminal) queues every one of them: the cap is 20,000
     * events, not bytes, and pictures are never thinned, so 20,000 pictures of 256k listeners
     * (about 40 MB each) are held for one console before it is cut off: the broker (root) runs
     * out of heap long before. Only the latest picture means anything: a newer one supersedes
     * the queued ones.
     */
    @Test
    void queuedPicturesAreSupersededByTheLatestInsteadOfPilingUp() throws Exception {
        EventBus bus = new EventBus();
        CountDownLatch stalled = new CountDownLatch(1);
        AtomicInteger pictures = new AtomicInteger();
        List<NetworkChanged> last = new ArrayList<>();
        AtomicBoolean cutOff = new AtomicBoolean();
        List<NetworkChanged.Listener> many = new ArrayList<>();
        for (int port = 1; port <= 1000; port++) {
            many.add(new NetworkChanged.Listener("udp 0.0.0.0:" + port, "udp", "0.0.0.0", port, 4242, "agent", "agent"));
        }
        try (EventFeed feed = new EventFeed(bus, List::of, e -> {
            try {
                stalled.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof NetworkChanged n) {
                pictures.incrementAndGet();
                synchronized (last) {
                    last.add(n);
                }
            }
        }, () -> cutOff.set(true))) {
            int scans = 3_000;
            for (int scan = 0; scan < scans; scan++) {
                bus.publish(new NetworkChanged(many, List.of(), 0, List.of(), true, true, List.of(), T.plusSeconds(2L * scan)));
            }
            stalled.countDown();
            for (int i = 0; i < 300; i++) {
                synchronized (last) {
                    if (!last.isEmpty() && last.get(last.size() - 1).at().equals(T.plusSeconds(2L * (scans - 1)))) {
                        break;
                    }
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
            assertThat(cutOff).isFalse();
            assertThat(pictures.get()).as("pictures held for a stalled console (each carries every listener)")
                    .isLessThanOrEqualTo(2);
        }
    }
}
