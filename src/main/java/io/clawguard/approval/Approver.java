package io.clawguard.approval;

/**
 * Whoever decides privileged requests: the console's broker, or where the admin enabled it,
 * the terminal fallback. The requester itself never is one.
 */
public interface Approver {
    /** Blocks until a decision is made; throws when no human can be reached. */
    ApprovalDecision decide(ApprovalRequest request) throws ApproverUnavailableException;
}
