package io.clawguard.approval;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.EventBus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The requests waiting for the admin. Each is answered exactly once, by its request id:
 * by the console's keys, by its deadline (a denial, "timed out"), or because its requester
 * went away. Deadlines follow the injected clock.
 */
public final class PendingApprovals {
    private static final long POLL_MILLIS = 50;

    private final EventBus bus;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * One waiting request, the answer it will get, and the admins who approved it so far (the
     * two-person rule needs more than one).
     */
    public record Pending(ApprovalRequest request, Instant deadline, CompletableFuture<ApprovalDecision> answer,
                          List<String> approvedBy, Set<Integer> approverUids) {
        Pending(ApprovalRequest request, Instant deadline) {
            this(request, deadline, new CompletableFuture<>(), new CopyOnWriteArrayList<>(),
                    ConcurrentHashMap.newKeySet());
        }
    }

    public PendingApprovals(EventBus bus, Clock clock, Duration timeout) {
        this.bus = bus;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** An approver for one requester's connection; {@code gone} says when it has hung up. */
    public Approver approverFor(BooleanSupplier gone) {
        return request -> await(request, gone);
    }

    private ApprovalDecision await(ApprovalRequest r, BooleanSupplier gone) {
        Instant deadline = r.createdAt().plus(timeout);
        Pending p = new Pending(r, deadline);
        pending.put(r.id(), p);
        ApprovalDecision decision = null;
        try {
            bus.publish(requested(r, deadline));
            while (decision == null) {
                try {
                    decision = p.answer().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (gone.getAsBoolean()) {
                        p.answer().complete(ApprovalDecision.denied("the requester went away"));
                    } else if (!clock.instant().isBefore(deadline)) {
                        p.answer().complete(ApprovalDecision.of(ApprovalDecision.Outcome.TIMED_OUT, "timed out"));
                    }
                }
            }
            return decision;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.answer().complete(ApprovalDecision.denied("the broker is shutting down"));
            return p.answer().join();
        } catch (ExecutionException e) {
            return ApprovalDecision.denied("internal error: " + e.getCause());
        } finally {
            pending.remove(r.id());
            ApprovalDecision d = p.answer().getNow(null);
            if (d != null) {
                bus.publish(new ApprovalDecided(r.id(), d.outcome().name().toLowerCase(Locale.ROOT), d.keep(), d.reason(),
                        clock.instant()));
            }
        }
    }

    /** The waiting request with this id, if it still waits. */
    public Optional<Pending> find(String requestId) {
        return Optional.ofNullable(pending.get(requestId));
    }

    /** Answers one request; false when it is no longer pending (already answered or gone). */
    public boolean resolve(String requestId, ApprovalDecision decision) {
        Pending p = pending.get(requestId);
        return p != null && p.answer().complete(decision);
    }

    /** Denies every waiting request, e.g. when the console quits. */
    public void denyAll(String reason) {
        for (Pending p : pending.values()) {
            p.answer().complete(ApprovalDecision.denied(reason));
        }
    }

    /** The waiting requests, oldest first. */
    public List<Pending> snapshot() {
        List<Pending> out = new ArrayList<>(pending.values());
        out.sort(Comparator.comparing(p -> p.request().createdAt()));
        return out;
    }

    /** The event that shows one waiting request; a console attaching later gets it again. */
    public static ApprovalRequested requested(ApprovalRequest r, Instant deadline) {
        return new ApprovalRequested(r.id(), r.binding().argv(), r.argvResolved(), r.argvChangeable(),
                r.folderChangeable(), r.binding().resolvedPath(), r.binding().cwd(), r.binding().sessionId(), r.reason(),
                r.untrusted(), r.confirmationRequired(),
                r.keepRequested(), r.useSudo(), r.requester().uid(), r.requester().pid(), r.requester().process(),
                r.runsAs(), r.approvalsNeeded(), r.code(), deadline, r.createdAt());
    }
}
