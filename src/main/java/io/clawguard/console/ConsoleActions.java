package io.clawguard.console;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.SecondFactor;
import io.clawguard.monitor.BaselineReview;

/** What the console's keys can do to the world; the composition root wires it to the broker. */
public interface ConsoleActions {
    /** Answers one pending request by id; false when it is no longer pending. */
    boolean resolve(String requestId, ApprovalDecision decision);

    /** The second factor approvals need, or {@link SecondFactor#NONE}. */
    SecondFactor secondFactor();

    /** A wrong second factor was typed for this request: audited; the request stays pending. */
    void secondFactorFailed(PendingRow row);

    /** Drops the elevation session now. */
    void dropElevation();

    /** A baseline review of the approved ports: the existing file's rules, or a proposal from what runs now. */
    BaselineReview reviewBaseline() throws Exception;

    /** Saves a finished review; returns a line for the status bar. */
    String saveBaseline(BaselineReview review) throws Exception;

    /** Denies every pending request and closes the console. */
    void quit();
}
