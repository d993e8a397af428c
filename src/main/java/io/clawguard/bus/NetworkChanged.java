package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/**
 * The network as the last scan saw it, published when anything changed: the ports and
 * egress panes draw from it. {@code ruleErrors} names rule files that could not be read;
 * {@code scanError}, when not null, says that the scans after this one failed, and why: what
 * is shown is no longer current. {@code omittedRows} counts the rows left out to keep the
 * picture small enough to send ({@link #forTheWire}).
 */
public record NetworkChanged(List<Listener> listening, List<Destination> outbound, int inbound,
                             List<FindingView> findings, boolean baselinePresent, boolean allowlistPresent,
                             List<String> ruleErrors, Instant at, String scanError, int omittedRows)
        implements Event {
    public NetworkChanged {
        listening = List.copyOf(listening);
        outbound = List.copyOf(outbound);
        findings = List.copyOf(findings);
        ruleErrors = List.copyOf(ruleErrors);
    }

    /** A picture of a scan that succeeded. */
    public NetworkChanged(List<Listener> listening, List<Destination> outbound, int inbound,
                          List<FindingView> findings, boolean baselinePresent, boolean allowlistPresent,
                          List<String> ruleErrors, Instant at) {
        this(listening, outbound, inbound, findings, baselinePresent, allowlistPresent, ruleErrors, at, null, 0);
    }

    /** The same picture, marked as no longer current: the scan since failed for {@code why}. */
    public NetworkChanged failing(String why) {
        return new NetworkChanged(listening, outbound, inbound, findings, baselinePresent, allowlistPresent, ruleErrors,
                at, why, omittedRows);
    }

    /**
     * At most {@code limit} listeners, destinations and findings each, those with a finding
     * first: a console is sent what matters most, and told how much was left out, however many
     * sockets the agent opens.
     */
    public NetworkChanged forTheWire(int limit) {
        if (listening.size() <= limit && outbound.size() <= limit && findings.size() <= limit) {
            return this;
        }
        java.util.Set<String> flagged = new java.util.HashSet<>();
        findings.forEach(f -> flagged.add(f.subject()));
        List<Listener> l = firstFlagged(listening, Listener::key, flagged, limit);
        List<Destination> o = firstFlagged(outbound, Destination::key, flagged, limit);
        List<FindingView> f = findings.subList(0, Math.min(limit, findings.size()));
        int left = listening.size() - l.size() + outbound.size() - o.size() + findings.size() - f.size();
        return new NetworkChanged(l, o, inbound, f, baselinePresent, allowlistPresent, ruleErrors, at, scanError,
                omittedRows + left);
    }

    private static <T> List<T> firstFlagged(List<T> rows, java.util.function.Function<T, String> key,
                                            java.util.Set<String> flagged, int limit) {
        if (rows.size() <= limit) {
            return rows;
        }
        List<T> kept = new java.util.ArrayList<>(limit);
        rows.stream().filter(r -> flagged.contains(key.apply(r))).limit(limit).forEach(kept::add);
        rows.stream().filter(r -> !flagged.contains(key.apply(r))).limit(limit - kept.size()).forEach(kept::add);
        return kept;
    }

    /** A listening socket; {@code key} is {@code proto bind:port}. */
    public record Listener(String key, String protocol, String bind, int port, long pid, String process, String user) {
    }

    /** An outbound connection; {@code key} groups the same destination and program. */
    public record Destination(String key, String protocol, String remote, int remotePort, long pid, String process,
                              String user) {
    }

    /** A finding about a listener or a destination, by the {@code subject} key. */
    public record FindingView(String kind, String risk, String subject, String summary, String recommendation) {
    }
}
