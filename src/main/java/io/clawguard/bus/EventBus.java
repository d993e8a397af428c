package io.clawguard.bus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process, typed event bus. Subscribers register for one event type and are called
 * on the publishing thread, in the order they subscribed; one subscriber's exception is
 * logged and never stops the others. A UI subscriber hands its work to the GUI thread
 * itself, so publishing never waits for the screen.
 */
public final class EventBus {
    /** Created on first failure only: logging start-up would cost {@code exec}'s hot path ~15 ms. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    }

    private final Map<Class<? extends Event>, List<Consumer<? super Event>>> subscribers = new ConcurrentHashMap<>();

    /**
     * Calls {@code subscriber} with every event of {@code type} published from now on, until the
     * returned handle is closed (a console that detaches stops listening).
     */
    public <E extends Event> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber) {
        List<Consumer<? super Event>> list = subscribers.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        Consumer<? super Event> entry = event -> subscriber.accept(type.cast(event));
        list.add(entry);
        return () -> list.remove(entry);
    }

    /** A registration that can be withdrawn. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public void publish(Event event) {
        for (Consumer<? super Event> s : subscribers.getOrDefault(event.getClass(), List.of())) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                Log.LOG.warn("a subscriber to {} failed", event.getClass().getSimpleName(), e);
            }
        }
    }
}
