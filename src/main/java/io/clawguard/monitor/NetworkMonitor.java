package io.clawguard.monitor;

import io.clawguard.audit.AuditAction;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.NetworkEvent;
import io.clawguard.files.StateHome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans on a schedule, diffs each scan against the last and publishes only the changes:
 * ports opened and closed, destinations new and gone, findings raised and cleared, then
 * the new picture for the panes. The first scan reports everything it sees as new.
 */
public final class NetworkMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkMonitor.class);

    private final StateHome home;
    private final SocketCollector collector;
    private final HostResolver resolver;
    private final EventBus bus;
    private final NetworkScan.RuleCache rules = new NetworkScan.RuleCache();
    /**
     * Listeners by port and holder: a port that changes hands, or a second socket on a shared
     * port, is a change (closed by one holder, opened by another), not the same listener.
     */
    private Set<Map.Entry<String, String>> listeners;
    private Map<String, String> destinations = Map.of();
    private Map<String, String> findings = Map.of();
    private List<String> ruleErrors = List.of();
    private volatile NetworkScan last;
    /** The picture last published, and whether a failed scan has since been said. */
    private NetworkChanged shown;
    private boolean failing;

    public NetworkMonitor(StateHome home, SocketCollector collector, HostResolver resolver, EventBus bus) {
        this.home = home;
        this.collector = collector;
        this.resolver = resolver;
        this.bus = bus;
    }

    /** Scans every {@code interval}; a scan still running when the next is due delays it. */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        scheduler.scheduleWithFixedDelay(this::scanQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void scanQuietly() {
        try {
            scan();
        } catch (Exception | Error e) {
            // An Error too: letting anything out of here would cancel every later scan, silently.
            LOG.error("network scan failed", e);
            // The panes must not pass off the last good picture as current.
            NetworkChanged stale = shown != null ? shown
                    : new NetworkChanged(List.of(), List.of(), 0, List.of(), false, false, List.of(), Instant.EPOCH);
            failing = true;
            bus.publish(stale.failing(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** The latest scan, for readers such as the compliance checks; empty before the first. */
    public Optional<NetworkScan> lastScan() {
        return Optional.ofNullable(last);
    }

    /** One scan: publishes what changed since the last one. */
    public synchronized NetworkScan scan() throws IOException {
        NetworkScan scan = NetworkScan.of(home, collector.collect(), resolver, rules);
        last = scan;
        boolean initial = listeners == null;
        Set<Map.Entry<String, String>> nowListening = new LinkedHashSet<>();
        scan.snapshot().listening().forEach(s -> nowListening.add(Map.entry(s.key(), s.process() + " (pid " + s.pid()
                + ")")));
        Map<String, String> nowOutbound = new LinkedHashMap<>();
        scan.egress().outbound().forEach(c -> nowOutbound.put(c.destinationKey(), "pid " + c.pid()));
        Map<String, String> nowFindings = new LinkedHashMap<>();
        scan.findings().forEach(f -> nowFindings.put(f.key(), f.summary()));
        Instant at = scan.snapshot().at();
        boolean changed = initial
                | diff(initial ? Set.of() : listeners, nowListening, AuditAction.PORT_OPENED, AuditAction.PORT_CLOSED, initial, at)
                | diff(byKey(destinations, nowOutbound), nowOutbound.entrySet(), AuditAction.EGRESS_NEW,
                        AuditAction.EGRESS_GONE, initial, at)
                | diff(byKey(findings, nowFindings), nowFindings.entrySet(), AuditAction.FINDING_RAISED,
                        AuditAction.FINDING_CLEARED, initial, at)
                | !scan.ruleErrors().equals(ruleErrors);
        listeners = nowListening;
        destinations = nowOutbound;
        findings = nowFindings;
        ruleErrors = scan.ruleErrors();
        if (changed || failing) {
            shown = picture(scan);
            failing = false;
            bus.publish(shown);
        }
        return scan;
    }

    /**
     * The entries of {@code before}, with the detail {@code now} has for the same key: destinations
     * and findings are the same one while their key is, whatever their detail (a pid) says now.
     */
    private static Set<Map.Entry<String, String>> byKey(Map<String, String> before, Map<String, String> now) {
        Set<Map.Entry<String, String>> out = new LinkedHashSet<>();
        before.forEach((k, v) -> out.add(Map.entry(k, now.getOrDefault(k, v))));
        return out;
    }

    private boolean diff(Set<Map.Entry<String, String>> before, Set<Map.Entry<String, String>> now, AuditAction added,
                         AuditAction removed, boolean initial, Instant at) {
        boolean changed = false;
        for (Map.Entry<String, String> e : now) {
            if (!before.contains(e)) {
                bus.publish(new NetworkEvent(added.logName(), e.getKey(), e.getValue(), initial, at));
                changed = true;
            }
        }
        for (Map.Entry<String, String> e : before) {
            if (!now.contains(e)) {
                bus.publish(new NetworkEvent(removed.logName(), e.getKey(), e.getValue(), false, at));
                changed = true;
            }
        }
        return changed;
    }

    private static NetworkChanged picture(NetworkScan scan) {
        return new NetworkChanged(
                scan.snapshot().listening().stream().map(s -> new NetworkChanged.Listener(s.key(), s.protocol().wire(),
                        Addresses.text(s.bind()), s.port(), s.pid(), s.process(), s.user())).toList(),
                scan.egress().outbound().stream().map(c -> new NetworkChanged.Destination(c.destinationKey(),
                        c.protocol().wire(), Addresses.text(c.remote()), c.remotePort(), c.pid(), c.process(), c.user()))
                        .toList(),
                scan.egress().inbound().size(),
                scan.findings().stream().map(f -> new NetworkChanged.FindingView(f.kind().id(),
                        f.risk().name().toLowerCase(Locale.ROOT), f.subject(), f.summary(), f.recommendation())).toList(),
                scan.baseline().isPresent(), scan.allowlist().isPresent(), scan.ruleErrors(), scan.snapshot().at());
    }
}
