package io.clawguard.approval;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalTokenFailed;
import io.clawguard.bus.EventBus;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Where admins' decisions arrive, from any console, and the rules they pass: nobody decides a
 * request they made themselves, an approval needs the second factor where one is configured,
 * and a request under the two-person rule runs only once two different admins approved it (a
 * denial by either ends it). Each refusal is audited. Decisions are taken one at a time, so two
 * admins approving at once cannot both count as the first.
 */
public final class ApprovalDesk {
    /**
     * Who decides: the uid the kernel gave for the admin's connection and a name to show.
     * {@code keyboard} marks the console of a same-user install, running in the broker's own
     * process, whose keys are the only approver that install has.
     */
    public record Admin(int uid, String name, boolean keyboard) {
        /** How the audit log and the consoles name this admin: "alice (uid 1001)", or "uid 4201" without a name. */
        String shown() {
            return name.equals("uid " + uid) ? name : name + " (uid " + uid + ")";
        }
    }

    private final PendingApprovals pending;
    private final SecondFactor factor;
    private final AuditTrail audit;
    private final EventBus bus;
    private final Clock clock;

    public ApprovalDesk(PendingApprovals pending, SecondFactor factor, AuditTrail audit, EventBus bus, Clock clock) {
        this.pending = pending;
        this.factor = factor;
        this.audit = audit;
        this.bus = bus;
        this.clock = clock;
    }

    public boolean secondFactorRequired() {
        return factor.required();
    }

    /** Applies one decision; returns what the admin's console should say. */
    public synchronized String decide(Admin who, String requestId, ApprovalDecision decision, String secondFactor) {
        Optional<PendingApprovals.Pending> found = pending.find(requestId);
        String shown = "#" + requestId.substring(requestId.lastIndexOf('-') + 1);
        if (found.isEmpty()) {
            return shown + " is no longer pending (it was decided, timed out or its requester left)";
        }
        PendingApprovals.Pending p = found.get();
        try {
            if (!who.keyboard() && who.uid() == p.request().requester().uid()) {
                record(who, p, AuditAction.SELF_APPROVAL_REFUSED, null);
                return "refused: " + shown + " was asked by uid " + who.uid() + ", your own; another admin must decide";
            }
            if (!decision.approved()) {
                return pending.resolve(requestId, decision.by(List.of(who.shown())))
                        ? "denied: " + shown : shown + " is no longer pending";
            }
            if (factor.required() && !factor.verify(secondFactor, clock.instant(), who.uid())) {
                record(who, p, AuditAction.APPROVAL_TOKEN_FAILED, null);
                bus.publish(new ApprovalTokenFailed(requestId, clock.instant()));
                return "wrong second factor (recorded); " + shown + " is still pending";
            }
            return approve(who, p, decision.keep(), shown);
        } catch (IOException e) {
            return "refused: the audit log cannot be written (" + e.getMessage() + "); " + shown + " is still pending";
        }
    }

    private String approve(Admin who, PendingApprovals.Pending p, boolean keep, String shown) throws IOException {
        int needed = p.request().approvalsNeeded();
        if (needed > 1 && p.approverUids().contains(who.uid())) {
            return shown + " already has your approval; it needs " + (needed - p.approverUids().size())
                    + " more from another admin";
        }
        int approvals = p.approverUids().size() + 1;
        if (approvals < needed) {
            // Recorded before it counts: an approval the log could not take must not be half of two.
            record(who, p, AuditAction.APPROVAL_PARTIAL, (long) approvals);
        }
        p.approverUids().add(who.uid());
        p.approvedBy().add(who.shown());
        if (approvals < needed) {
            bus.publish(new ApprovalProgress(p.request().id(), List.copyOf(p.approvedBy()), needed, clock.instant()));
            return approvals + " of " + needed + " approvals for " + shown + ": another admin must approve";
        }
        // A command that needed two admins is never kept: its next run needs two again.
        boolean kept = keep && needed == 1;
        if (!pending.resolve(p.request().id(), ApprovalDecision.approved(kept).by(p.approvedBy()))) {
            return shown + " is no longer pending";
        }
        String verb = kept ? "approved and kept" : keep ? "approved once (two-person commands are never kept)"
                : "approved once";
        return verb + ": " + shown;
    }

    private void record(Admin who, PendingApprovals.Pending p, AuditAction action, Long approvals) throws IOException {
        AuditFields f = AuditFields.fields().argv(p.request().binding().argv()).requestId(p.request().id())
                .by(who.name(), who.uid()).requesterUid(p.request().requester().uid());
        if (approvals != null) {
            f.approvals(approvals, p.request().approvalsNeeded());
        }
        audit.append(action, f);
    }
}
