package io.clawguard.approval;

import java.util.List;

/**
 * The approver's answer to one request. {@code keep} is the approver's choice to keep the
 * elevation for the task session; {@code reason} is what the requester is told; {@code by}
 * names the admins who decided, for the audit log.
 */
public record ApprovalDecision(Outcome outcome, boolean keep, String reason, List<String> by) {
    /** What became of a request. */
    public enum Outcome { APPROVED, DENIED, TIMED_OUT, SECOND_FACTOR_FAILED, UNTRUSTED_NOT_CONFIRMED }

    public ApprovalDecision {
        by = List.copyOf(by);
    }

    public static ApprovalDecision approved(boolean keep) {
        return new ApprovalDecision(Outcome.APPROVED, keep, null, List.of());
    }

    public static ApprovalDecision denied(String reason) {
        return new ApprovalDecision(Outcome.DENIED, false, reason, List.of());
    }

    public static ApprovalDecision of(Outcome outcome, String reason) {
        return new ApprovalDecision(outcome, false, reason, List.of());
    }

    /** The same answer, signed by these admins. */
    public ApprovalDecision by(List<String> admins) {
        return new ApprovalDecision(outcome, keep, reason, admins);
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
