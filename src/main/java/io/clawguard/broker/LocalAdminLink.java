package io.clawguard.broker;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.ApprovalDesk;
import io.clawguard.attach.AdminLink;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.monitor.BaselineReview;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** The console of a same-user install, in the broker's own process: its keys are the admin's. */
final class LocalAdminLink implements AdminLink {
    private final AdminHub hub;
    private final ApprovalDesk.Admin admin;
    private EventBus.Subscription feed;

    LocalAdminLink(AdminHub hub, ApprovalDesk.Admin admin) {
        this.hub = hub;
        this.admin = admin;
    }

    @Override
    public synchronized BrokerInfo attach(Consumer<Event> sink, Runnable lost) {
        if (feed == null) {
            feed = hub.feed(sink, () -> { });
        }
        return hub.info();
    }

    @Override
    public CompletableFuture<String> decide(String requestId, ApprovalDecision decision, String secondFactor) {
        return CompletableFuture.supplyAsync(() -> hub.actions().decide(admin, requestId, decision, secondFactor),
                hub.work());
    }

    @Override
    public CompletableFuture<String> dropElevation() {
        return CompletableFuture.supplyAsync(() -> hub.actions().drop(admin), hub.work());
    }

    @Override
    public CompletableFuture<BaselineReview> reviewBaseline() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return hub.actions().reviewBaseline();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, hub.work());
    }

    @Override
    public CompletableFuture<String> saveBaseline(BaselineReview review) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return hub.actions().saveBaseline(admin, review);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, hub.work());
    }

    @Override
    public CompletableFuture<String> recording(String requestId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return hub.actions().recording(requestId);
            } catch (IOException | IllegalArgumentException e) {
                return e.getMessage();
            }
        }, hub.work());
    }

    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
    }
}
