package io.clawguard.approval;

/**
 * The approver's answer to one request. {@code keep} is the approver's choice to keep the
 * elevation for the task session; {@code reason} is what the requester is told.
 */
public record ApprovalDecision(Outcome outcome, boolean keep, String reason) {
    /** What became of a request. */
    public enum Outcome { APPROVED, DENIED, TIMED_OUT, SECOND_FACTOR_FAILED, UNTRUSTED_NOT_CONFIRMED }

    public static ApprovalDecision approved(boolean keep) {
        return new ApprovalDecision(Outcome.APPROVED, keep, null);
    }

    public static ApprovalDecision denied(String reason) {
        return new ApprovalDecision(Outcome.DENIED, false, reason);
    }

    public static ApprovalDecision of(Outcome outcome, String reason) {
        return new ApprovalDecision(outcome, false, reason);
    }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
