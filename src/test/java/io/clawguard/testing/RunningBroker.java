package io.clawguard.testing;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.attach.AdminLink;
import io.clawguard.broker.Broker;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real broker on the sockets of a temp home, not watching the network, with the console of
 * its own process (whose keys are the admin's) to decide.
 */
public final class RunningBroker implements AutoCloseable {
    public final StateHome home;
    public final Broker broker;
    public final AdminLink keyboard;

    public RunningBroker(StateHome home, Clock clock, Duration approvalTimeout) throws IOException {
        this.home = home;
        try {
            GuardConfig config = GuardConfig.load(home.config(), ProcessIdentity.uid());
            this.broker = Broker.start(new Broker.Settings(home, config, ProcessIdentity.uid(), approvalTimeout,
                    Duration.ofSeconds(2), null, clock));
        } catch (InvalidJsonFileException e) {
            throw new IOException(e.getMessage());
        }
        this.keyboard = broker.localConsole("test-admin");
    }

    /** Waits until at least {@code count} requests are pending; returns the newest. */
    public PendingApprovals.Pending awaitPending(int count) {
        for (int i = 0; i < 600; i++) {
            List<PendingApprovals.Pending> now = broker.pending().snapshot();
            if (now.size() >= count) {
                return now.get(now.size() - 1);
            }
            sleep(50);
        }
        throw new AssertionError("expected " + count + " pending requests, have " + broker.pending().snapshot().size());
    }

    /** Decides through the console of the broker's own process; returns what the console would show. */
    public String decide(PendingApprovals.Pending p, ApprovalDecision decision) {
        try {
            return keyboard.decide(p.request().id(), decision, null).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public void close() {
        keyboard.close();
        broker.close();
    }
}
