package io.clawguard.cli;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.attach.AdminLink;
import io.clawguard.console.ConsoleActions;
import io.clawguard.monitor.BaselineReview;
import java.util.concurrent.CompletableFuture;

/** The console's keys, acting through its link to the broker. */
final class LinkedConsoleActions implements ConsoleActions {
    private final AdminLink link;
    private final boolean secondFactorRequired;
    private final boolean ownBroker;
    private Runnable quit = () -> { };

    LinkedConsoleActions(AdminLink link, boolean secondFactorRequired, boolean ownBroker) {
        this.link = link;
        this.secondFactorRequired = secondFactorRequired;
        this.ownBroker = ownBroker;
    }

    void onQuit(Runnable close) {
        this.quit = close;
    }

    @Override
    public boolean secondFactorRequired() {
        return secondFactorRequired;
    }

    @Override
    public CompletableFuture<String> decide(String requestId, ApprovalDecision decision, String secondFactor) {
        return link.decide(requestId, decision, secondFactor);
    }

    @Override
    public CompletableFuture<String> dropElevation() {
        return link.dropElevation();
    }

    @Override
    public CompletableFuture<BaselineReview> reviewBaseline() {
        return link.reviewBaseline();
    }

    @Override
    public CompletableFuture<String> saveBaseline(BaselineReview review) {
        return link.saveBaseline(review);
    }

    @Override
    public boolean quitDeniesPending() {
        return ownBroker;
    }

    @Override
    public void quit() {
        quit.run();
    }
}
