package io.clawguard.broker;

import io.clawguard.audit.AuditAction;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.NetworkEvent;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.bus.Tick;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One console's copy of the broker's events: the state replayed first, then each event as it
 * is published, in order, on a thread of the feed's own, so a slow console never holds up the
 * broker. It listens before it takes the snapshot, so nothing published in between is lost;
 * audit records the snapshot already holds are not sent twice. Ticks stay in the broker: a
 * console keeps its own clock, and a network change is in the scan's picture already.
 *
 * <p>A flood of network records (an agent opening thousands of ports) must not push the admin
 * off: past {@link #NETWORK_BACKLOG} queued events, the records of network changes are left out
 * of this feed (the log keeps every one, and the next picture shows the result). Only a console
 * too far behind on everything else ({@link #MAX_QUEUED} events) is cut off.
 */
final class EventFeed implements AutoCloseable {
    static final int MAX_QUEUED = 20_000;
    static final int NETWORK_BACKLOG = 2_000;
    private static final Event STOP = new Tick(java.time.Instant.EPOCH);

    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final Thread delivery;
    private volatile boolean overflowed;

    EventFeed(EventBus bus, Supplier<List<Event>> snapshot, Consumer<Event> sink, Runnable onOverflow) {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            if (type != Tick.class && type != NetworkEvent.class) {
                subscriptions.add(bus.subscribe(type.asSubclass(Event.class), this::offer));
            }
        }
        List<Event> state = snapshot.get();
        long lastSeq = state.stream().filter(AuditRecorded.class::isInstance)
                .mapToLong(e -> seq((AuditRecorded) e)).max().orElse(-1);
        delivery = new Thread(() -> deliver(state, lastSeq, sink, onOverflow), "console-feed");
        delivery.setDaemon(true);
        delivery.start();
    }

    private void offer(Event e) {
        if (e instanceof NetworkChanged || e instanceof ScorecardChanged || e instanceof ForwardingChanged) {
            // Only the newest picture means anything: it supersedes the ones a slow console has not read yet.
            queue.removeIf(q -> q.getClass() == e.getClass());
        }
        if (queue.size() >= NETWORK_BACKLOG && e instanceof AuditRecorded a
                && AuditAction.named(a.record().get("action")).map(AuditAction::fromNetworkMonitor).orElse(false)) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            overflowed = true;
            queue.clear();
            queue.add(STOP);
        } else {
            queue.add(e);
        }
    }

    private void deliver(List<Event> state, long lastSeq, Consumer<Event> sink, Runnable onOverflow) {
        state.forEach(sink);
        try {
            for (Event e = queue.take(); e != STOP; e = queue.take()) {
                if (!(e instanceof AuditRecorded a) || seq(a) > lastSeq) {
                    sink.accept(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (overflowed) {
            onOverflow.run();
        }
    }

    private static long seq(AuditRecorded a) {
        return a.record().get("seq") instanceof Number n ? n.longValue() : -1;
    }

    @Override
    public void close() {
        subscriptions.forEach(EventBus.Subscription::close);
        queue.add(STOP);
    }
}
