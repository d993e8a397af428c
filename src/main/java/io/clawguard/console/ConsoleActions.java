package io.clawguard.console;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.monitor.BaselineReview;
import java.util.concurrent.CompletableFuture;

/**
 * What the console's keys can do to the world; the composition root wires it to the broker,
 * in this process or over the admin socket. Answers arrive later, as the line to show.
 */
public interface ConsoleActions {
    /** Whether approving this request needs a second factor; its broker checks what is typed. */
    boolean secondFactorRequired(String requestId);

    /** Decides one pending request by id; the answer says what became of it. */
    CompletableFuture<String> decide(String requestId, ApprovalDecision decision, String secondFactor);

    CompletableFuture<String> dropElevation();

    /** A baseline review of the approved ports: the existing file's rules, or a proposal from what runs now. */
    CompletableFuture<BaselineReview> reviewBaseline();

    /** Saves a finished review; answers with a line for the status bar. */
    CompletableFuture<String> saveBaseline(BaselineReview review);

    /** True when quitting denies what waits (the broker runs in this process and stops with it). */
    boolean quitDeniesPending();

    /** Closes the console. */
    void quit();

    /** What finished run {@code requestId} printed, from its recording (control characters written out). */
    CompletableFuture<String> recording(String requestId);

    /** Shows the next host in the panes other than the approvals (a console over many hosts). */
    void showNextHost();
}
