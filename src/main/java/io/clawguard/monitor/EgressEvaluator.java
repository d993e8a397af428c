package io.clawguard.monitor;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts connections into inbound and outbound and holds the outbound ones against the egress
 * allow-list. Loopback peers are not egress. When no rule matches but one differs only in
 * port or program, the finding says which rule almost matched.
 */
public final class EgressEvaluator {
    private EgressEvaluator() {
    }

    public static EgressReport evaluate(SocketSnapshot snapshot, Optional<List<EgressRule>> allowlist,
                                        HostResolver resolver) {
        List<Connection> outbound = new ArrayList<>();
        List<Connection> inbound = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<EgressRule> rules = allowlist.orElse(List.of());
        for (Connection c : snapshot.connections()) {
            // A datagram socket "connected" to loopback but bound beyond it can still sendto() anywhere:
            // it is judged as egress, not passed over as traffic within the host.
            boolean datagramOut = c.protocol() != Protocol.TCP && !c.local().isLoopbackAddress();
            if (Connection.hostInternal(c.remote()) && !datagramOut) {
                continue;
            }
            if (isInbound(c, snapshot.listening())) {
                inbound.add(c);
                continue;
            }
            outbound.add(c);
            Set<String> names = names(c.remote(), rules, resolver);
            boolean allowed = false;
            List<String> nearMisses = new ArrayList<>();
            for (EgressRule r : rules) {
                if (r.protocol() != c.protocol() || !r.destinationMatches(c.remote(), names, resolver)) {
                    continue;
                }
                if (r.portMatches(c.remotePort()) && r.commandMatches(c)) {
                    allowed = true;
                    break;
                }
                nearMisses.add(r.describe() + " allows this destination but "
                        + (!r.portMatches(c.remotePort()) ? "port " + r.port() + ", not " + c.remotePort()
                        : "program " + r.command() + ", not " + c.process()));
            }
            if (!allowed) {
                findings.add(finding(c, names, nearMisses, allowlist.isEmpty()));
            }
        }
        return new EgressReport(outbound, inbound, findings);
    }

    /**
     * A TCP connection accepted by a listener of the same user on its local port, a listener whose
     * program can be believed (root's, or a system program's: see {@link SocketOwner}). Sharing a
     * port proves nothing by itself: with SO_REUSEADDR or SO_REUSEPORT a socket of the agent can
     * sit on a listener's port and connect out from there. A connected datagram socket is never
     * counted as inbound: servers answer from their unconnected one.
     */
    private static boolean isInbound(Connection c, List<ListeningSocket> listening) {
        if (c.protocol() != Protocol.TCP) {
            return false;
        }
        for (ListeningSocket s : listening) {
            if (s.protocol() == c.protocol() && s.port() == c.localPort() && s.user().equals(c.user()) && s.systemProgram()
                    && (s.wildcard() || Addresses.unmapped(s.bind()).equals(c.local()))) {
                return true;
            }
        }
        return false;
    }

    /** What the address is known as: its reverse name and the rule hosts that resolve to it. */
    private static Set<String> names(InetAddress remote, List<EgressRule> rules, HostResolver resolver) {
        Set<String> names = new LinkedHashSet<>();
        resolver.name(remote).ifPresent(names::add);
        for (EgressRule r : rules) {
            if (r.host() != null && resolver.addresses(r.host()).stream()
                    .anyMatch(a -> Addresses.unmapped(a).equals(remote))) {
                names.add(r.host());
            }
        }
        return names;
    }

    private static Finding finding(Connection c, Set<String> names, List<String> nearMisses, boolean noAllowlist) {
        String dest = Addresses.endpoint(c.remote(), c.remotePort()) + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
        String summary = c.process() + " (pid " + c.pid() + ") → " + c.protocol().wire() + " " + dest
                + (noAllowlist ? ": there is no egress allow-list" : ": matches no rule of egress_allowlist.json")
                + (nearMisses.isEmpty() ? "" : "; " + String.join("; ", nearMisses));
        return new Finding(Finding.Kind.UNAPPROVED_EGRESS, Finding.Risk.MEDIUM, c.destinationKey(), summary,
                "If this destination is expected, add a rule (host, host_regex or cidr, with port and command)"
                        + " to egress_allowlist.json; otherwise stop " + c.process() + " and find out why it connects.");
    }
}
