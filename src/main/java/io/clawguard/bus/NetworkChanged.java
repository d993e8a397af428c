package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/**
 * The network as the last scan saw it, published when anything changed: the ports and
 * egress panes draw from it. {@code ruleErrors} names rule files that could not be read;
 * {@code scanError}, when not null, says that the scans after this one failed, and why: what
 * is shown is no longer current.
 */
public record NetworkChanged(List<Listener> listening, List<Destination> outbound, int inbound,
                             List<FindingView> findings, boolean baselinePresent, boolean allowlistPresent,
                             List<String> ruleErrors, Instant at, String scanError) implements Event {
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
        this(listening, outbound, inbound, findings, baselinePresent, allowlistPresent, ruleErrors, at, null);
    }

    /** The same picture, marked as no longer current: the scan since failed for {@code why}. */
    public NetworkChanged failing(String why) {
        return new NetworkChanged(listening, outbound, inbound, findings, baselinePresent, allowlistPresent, ruleErrors,
                at, why);
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
