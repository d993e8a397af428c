package io.clawguard.fleet;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.attach.AdminLink;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.ApprovalTokenFailed;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.CommandFinished;
import io.clawguard.bus.CommandStarted;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.Event;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.monitor.BaselineReview;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console's link to the brokers of many hosts, behind the same {@link AdminLink} a single
 * broker has. Every host's pending requests reach the console, their ids qualified with the
 * host ({@link HostQualified}), and a decision goes back to the host it names. The other panes
 * show one host at a time: each host's last elevation, network picture, scorecard, forwarding
 * state and audit tail are kept here, and choosing another host replays its own. A host that
 * drops takes its pending rows with it (they stay pending on its broker, with their own
 * timeouts) and comes back with them when it reconnects.
 */
public final class FleetLink implements AdminLink {
    private static final Logger LOG = LoggerFactory.getLogger(FleetLink.class);
    /** Audit records kept per host for when it is shown: what the activity pane holds, by count and by size. */
    private static final int AUDIT_KEPT = 500;
    static final long AUDIT_KEPT_CHARS = 8L << 20;
    /**
     * Pending requests shown per host at most: a broker holds far fewer (256 per agent user by
     * default), and one that claims more is not to be believed with the console's memory.
     */
    static final int MAX_PENDING_PER_HOST = 10_000;

    /** What one host last showed. */
    private static final class Shown {
        final Map<Class<?>, Event> latest = new LinkedHashMap<>();
        final Deque<AuditRecorded> audit = new ArrayDeque<>();
        final Set<String> pending = new LinkedHashSet<>();
        final Deque<Long> auditSizes = new ArrayDeque<>();
        long auditChars;
        boolean overflowTold;
    }

    private final List<HostLink> hosts = new ArrayList<>();
    private final Map<String, Shown> shown = new LinkedHashMap<>();
    private final Clock clock;
    private Consumer<Event> sink = e -> { };
    private int current;
    private long view;

    public FleetLink(List<HostAddress> addresses, SshSettings ssh, Clock clock) {
        this.clock = clock;
        HostLink.Listener listener = new HostLink.Listener() {
            @Override
            public void connecting(HostLink host) {
                started(host);
            }

            @Override
            public void event(HostLink host, Event e) {
                received(host, e);
            }

            @Override
            public void changed(HostLink host) {
                linkChanged(host);
            }
        };
        for (HostAddress a : addresses) {
            hosts.add(new HostLink(a, a.sshCommand(ssh, "attach", "--stdio"), listener));
            shown.put(a.name(), new Shown());
        }
    }

    @Override
    public BrokerInfo attach(Consumer<Event> sink, Runnable lost) {
        synchronized (this) {
            this.sink = sink;
            publishHosts();
        }
        hosts.forEach(HostLink::start);
        return new BrokerInfo(hosts.size() + " hosts", true, false);
    }

    private synchronized void started(HostLink host) {
        Shown s = shown.get(host.name());
        s.latest.clear();
        s.audit.clear();
        s.auditSizes.clear();
        s.auditChars = 0;
        if (isShown(host)) {
            view++;
            publishHosts();
        }
    }

    private synchronized void received(HostLink host, Event e) {
        Shown s = shown.get(host.name());
        if (e instanceof AuditRecorded a) {
            // Another host's records are kept by size too: 500 of a broker's largest lines would be gigabytes.
            long size = String.valueOf(a.record()).length();
            s.audit.addLast(a);
            s.auditSizes.addLast(size);
            s.auditChars += size;
            while (s.audit.size() > AUDIT_KEPT || (s.auditChars > AUDIT_KEPT_CHARS && s.audit.size() > 1)) {
                s.audit.removeFirst();
                s.auditChars -= s.auditSizes.removeFirst();
            }
        } else if (e instanceof ElevationChanged || e instanceof NetworkChanged || e instanceof ScorecardChanged
                || e instanceof ForwardingChanged) {
            s.latest.put(e.getClass(), e);
        } else if (e instanceof ApprovalRequested || e instanceof ApprovalProgress || e instanceof ApprovalDecided
                || e instanceof ApprovalTokenFailed || e instanceof CommandStarted || e instanceof CommandFinished) {
            // A request's own events reach the console from every host, under the host's name.
            Event q = HostQualified.of(e, host.name());
            if (q instanceof ApprovalRequested r) {
                if (s.pending.size() >= MAX_PENDING_PER_HOST && !s.pending.contains(r.requestId())) {
                    if (!s.overflowTold) {
                        s.overflowTold = true;
                        LOG.warn("host {} claims more than {} pending requests; the rest are not shown", host.name(),
                                MAX_PENDING_PER_HOST);
                    }
                    return;
                }
                s.pending.add(r.requestId());
            } else if (q instanceof ApprovalDecided d) {
                s.pending.remove(d.requestId());
            }
            sink.accept(q);
            return;
        } else {
            // The console's own clock and host list are its own: a broker's Tick or HostsChanged is dropped.
            return;
        }
        if (isShown(host)) {
            sink.accept(e);
        }
    }

    private synchronized void linkChanged(HostLink host) {
        if (!host.connected()) {
            Shown s = shown.get(host.name());
            for (String id : s.pending) {
                sink.accept(new ApprovalDecided(id, "host_disconnected", false, host.name() + " is disconnected; its"
                        + " broker keeps the request until it times out", clock.instant()));
            }
            s.pending.clear();
        }
        publishHosts();
    }

    private boolean isShown(HostLink host) {
        return hosts.get(current) == host;
    }

    private void publishHosts() {
        List<HostsChanged.HostView> views = hosts.stream()
                .map(h -> new HostsChanged.HostView(h.name(), h.connected(), h.problem())).toList();
        sink.accept(new HostsChanged(views, hosts.get(current).name(), view, clock.instant()));
    }

    /** Shows the next host in the panes other than the approvals: its own state, replayed. */
    public synchronized void showNextHost() {
        current = (current + 1) % hosts.size();
        view++;
        publishHosts();
        Shown s = shown.get(hosts.get(current).name());
        s.latest.values().forEach(sink);
        s.audit.forEach(sink);
    }

    /** Whether approving the request needs a second factor: its own host's broker says. */
    public boolean secondFactorRequired(String qualifiedId) {
        HostLink h = host(HostQualified.hostOf(qualifiedId));
        return h != null && h.secondFactorRequired();
    }

    @Override
    public CompletableFuture<String> decide(String qualifiedId, ApprovalDecision decision, String secondFactor) {
        HostLink h = host(HostQualified.hostOf(qualifiedId));
        if (h == null) {
            return CompletableFuture.completedFuture("no host is named for " + qualifiedId + "; nothing was sent");
        }
        return h.decide(HostQualified.localId(qualifiedId), decision, secondFactor).thenApply(m -> h.name() + ": " + m);
    }

    @Override
    public CompletableFuture<String> dropElevation() {
        HostLink h = shownHost();
        return h.dropElevation().thenApply(m -> h.name() + ": " + m);
    }

    @Override
    public CompletableFuture<BaselineReview> reviewBaseline() {
        return shownHost().reviewBaseline();
    }

    @Override
    public CompletableFuture<String> saveBaseline(BaselineReview review) {
        HostLink h = shownHost();
        return h.saveBaseline(review).thenApply(m -> h.name() + ": " + m);
    }

    @Override
    public CompletableFuture<String> recording(String qualifiedId) {
        HostLink h = host(HostQualified.hostOf(qualifiedId));
        return h == null ? CompletableFuture.completedFuture("no host is named for " + qualifiedId)
                : h.recording(HostQualified.localId(qualifiedId));
    }

    private synchronized HostLink shownHost() {
        return hosts.get(current);
    }

    private HostLink host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        hosts.forEach(HostLink::close);
    }
}
