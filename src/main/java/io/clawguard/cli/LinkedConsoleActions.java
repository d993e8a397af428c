package io.clawguard.cli;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.attach.AdminLink;
import io.clawguard.console.ConsoleActions;
import io.clawguard.monitor.BaselineReview;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** The console's keys, acting through its link to the broker (or to the brokers of many hosts). */
final class LinkedConsoleActions implements ConsoleActions {
    private final AdminLink link;
    private final Predicate<String> secondFactorRequired;
    private final Runnable nextHost;
    private final boolean ownBroker;
    private Runnable quit = () -> { };

    LinkedConsoleActions(AdminLink link, Predicate<String> secondFactorRequired, Runnable nextHost, boolean ownBroker) {
        this.link = link;
        this.secondFactorRequired = secondFactorRequired;
        this.nextHost = nextHost;
        this.ownBroker = ownBroker;
    }

    void onQuit(Runnable close) {
        this.quit = close;
    }

    @Override
    public boolean secondFactorRequired(String requestId) {
        return secondFactorRequired.test(requestId);
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
    public CompletableFuture<String> recording(String requestId) {
        return link.recording(requestId);
    }

    @Override
    public boolean quitDeniesPending() {
        return ownBroker;
    }

    @Override
    public void quit() {
        quit.run();
    }

    @Override
    public void showNextHost() {
        nextHost.run();
    }
}
