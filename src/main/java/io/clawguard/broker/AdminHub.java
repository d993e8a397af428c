package io.clawguard.broker;

import io.clawguard.attach.BrokerInfo;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every attached console shares: the broker's events and state, the actions an admin may
 * take (run off the caller's thread, so no console waits on the audit log's fsync), and the
 * count of consoles attached, which a waiting requester is told when it is zero.
 */
final class AdminHub {
    private final EventBus bus;
    private final Supplier<List<Event>> snapshot;
    private final BrokerInfo info;
    private final AdminActions actions;
    private final ExecutorService work;
    private final AtomicInteger attached = new AtomicInteger();

    AdminHub(EventBus bus, Supplier<List<Event>> snapshot, BrokerInfo info, AdminActions actions, ExecutorService work) {
        this.bus = bus;
        this.snapshot = snapshot;
        this.info = info;
        this.actions = actions;
        this.work = work;
    }

    /** Starts a console's feed and counts it attached until the returned handle is closed. */
    EventBus.Subscription feed(Consumer<Event> sink, Runnable onOverflow) {
        attached.incrementAndGet();
        EventFeed feed = new EventFeed(bus, snapshot, sink, onOverflow);
        return () -> {
            feed.close();
            attached.decrementAndGet();
        };
    }

    int attached() {
        return attached.get();
    }

    BrokerInfo info() {
        return info;
    }

    AdminActions actions() {
        return actions;
    }

    ExecutorService work() {
        return work;
    }
}
