package io.clawguard.fleet;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.attach.AdminLink;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.attach.SocketAdminLink;
import io.clawguard.bus.Event;
import io.clawguard.monitor.BaselineReview;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's broker, reached through {@code ssh -T HOST clawguard attach --stdio}: OpenSSH
 * authenticates, encrypts and checks the host key; this runs the command, attaches over its
 * standard input and output, and when the link drops starts it again after a pause that
 * doubles up to 30 s. Requests on that host keep their own timeouts on its broker meanwhile.
 */
final class HostLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostLink.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** A connection that lasted this long was a good one: the pause before the next starts short again. */
    private static final Duration STEADY = Duration.ofSeconds(10);

    /** What the fleet hears from one host. */
    interface Listener {
        /** A new connection starts: what the host showed before is about to be replayed. */
        void connecting(HostLink host);

        void event(HostLink host, Event e);

        /** Connected, or lost (then {@code problem} says why). */
        void changed(HostLink host);
    }

    private final HostAddress address;
    private final List<String> command;
    private final Listener listener;
    private final Thread thread;
    private volatile AdminLink link;
    private volatile BrokerInfo info;
    private volatile String problem = "connecting";
    private volatile boolean closed;
    private volatile Process process;

    HostLink(HostAddress address, List<String> command, Listener listener) {
        this.address = address;
        this.command = List.copyOf(command);
        this.listener = listener;
        this.thread = new Thread(this::run, "host-" + address.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    String name() {
        return address.name();
    }

    boolean connected() {
        return link != null;
    }

    /** Why the host is not connected; null while it is. */
    String problem() {
        return link != null ? null : problem;
    }

    boolean secondFactorRequired() {
        BrokerInfo i = info;
        return i != null && i.secondFactorRequired();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (!closed) {
            if (connectOnce()) {
                retry = FIRST_RETRY;
            }
            if (closed) {
                return;
            }
            listener.changed(this);
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException stopping) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }

    /** One connection, until it drops; true when it attached and held (a host that drops at once backs off). */
    private boolean connectOnce() {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            problem = "cannot run " + command.get(0) + ": " + e.getMessage();
            return false;
        }
        process = p;
        AtomicReference<String> said = new AtomicReference<>();
        Thread stderr = new Thread(() -> lastLineOf(p, said), "host-" + address.name() + "-stderr");
        stderr.setDaemon(true);
        stderr.start();
        SocketAdminLink l = SocketAdminLink.over(p.getInputStream(), p.getOutputStream(), p::destroy);
        CountDownLatch lost = new CountDownLatch(1);
        listener.connecting(this);
        boolean attached = false;
        try {
            info = l.attach(e -> listener.event(this, e), lost::countDown);
            link = l;
            attached = true;
            listener.changed(this);
            lost.await();
            problem = "the link dropped";
        } catch (IOException e) {
            problem = e.getMessage();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            link = null;
            l.close();
            p.destroy();
        }
        try {
            if (p.waitFor(2, TimeUnit.SECONDS)) {
                stderr.join(1000);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        if (said.get() != null) {
            problem = problem + " (" + said.get() + ")";
        }
        LOG.info("host {}: {}", address.name(), problem);
        return attached && System.nanoTime() - start >= STEADY.toNanos();
    }

    /** Keeps ssh's last word (why it could not connect), and logs everything it says. */
    private void lastLineOf(Process p, AtomicReference<String> said) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                LOG.info("host {} ssh: {}", address.name(), line);
                if (!line.isBlank()) {
                    said.set(line.length() > 200 ? line.substring(0, 200) : line);
                }
            }
        } catch (IOException ended) {
            // The process is gone; what it said so far is kept.
        }
    }

    CompletableFuture<String> decide(String localId, ApprovalDecision decision, String secondFactor) {
        AdminLink l = link;
        return l == null ? disconnected() : l.decide(localId, decision, secondFactor);
    }

    CompletableFuture<String> dropElevation() {
        AdminLink l = link;
        return l == null ? disconnected() : l.dropElevation();
    }

    CompletableFuture<BaselineReview> reviewBaseline() {
        AdminLink l = link;
        return l == null ? CompletableFuture.failedFuture(new IOException(address.name() + " is disconnected"))
                : l.reviewBaseline();
    }

    CompletableFuture<String> saveBaseline(BaselineReview review) {
        AdminLink l = link;
        return l == null ? disconnected() : l.saveBaseline(review);
    }

    CompletableFuture<String> recording(String localId) {
        AdminLink l = link;
        return l == null ? disconnected() : l.recording(localId);
    }

    private CompletableFuture<String> disconnected() {
        return CompletableFuture.completedFuture(address.name() + " is disconnected: nothing was sent; its broker"
                + " keeps the request until it times out");
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        AdminLink l = link;
        if (l != null) {
            l.close();
        }
        Process p = process;
        if (p != null) {
            p.destroy();
        }
    }
}
