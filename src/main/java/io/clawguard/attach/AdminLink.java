package io.clawguard.attach;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.bus.Event;
import io.clawguard.monitor.BaselineReview;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A console's hold on a broker, the same whether the broker runs in the console's process or
 * as a service the console attached to: the broker's state replayed as events, then every
 * event as it happens, and the admin's decisions back. Answers are the line the console shows.
 */
public interface AdminLink extends AutoCloseable {
    /**
     * Sends {@code sink} the current state as events (elevation, recent audit, last scan,
     * scorecard, pending requests), then every event from now on, in order, on a thread of the
     * link's own; {@code lost} runs if the broker goes away. Returns what the console shows
     * about the broker.
     */
    BrokerInfo attach(Consumer<Event> sink, Runnable lost) throws IOException;

    /** Decides one pending request by its id; the second factor is checked by the broker. */
    CompletableFuture<String> decide(String requestId, ApprovalDecision decision, String secondFactor);

    CompletableFuture<String> dropElevation();

    /** The approved-ports baseline under review: the existing rules, or a proposal from what runs now. */
    CompletableFuture<BaselineReview> reviewBaseline();

    CompletableFuture<String> saveBaseline(BaselineReview review);

    /** What finished run {@code requestId} printed, from its recording, with every control character written out. */
    CompletableFuture<String> recording(String requestId);

    /** Detaches; the broker and its pending requests go on. */
    @Override
    void close();
}
