package io.clawguard.monitor;

import java.net.InetAddress;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * One allowed outbound destination of {@code egress_allowlist.json}: by host name (matched
 * by the addresses it resolves to), by a pattern over host names and the address, or by a
 * network; optionally limited to a port and a program. {@code index} names it in findings.
 */
public record EgressRule(int index, Protocol protocol, String host, Pattern hostRegex, Cidr cidr, Integer port,
                         String command, String comment) {

    /** Whether the destination part matches; {@code names} are what the address is known as. */
    public boolean destinationMatches(InetAddress remote, Collection<String> names, HostResolver resolver) {
        if (cidr != null && cidr.contains(remote)) {
            return true;
        }
        if (host != null && resolver.addresses(host).stream().anyMatch(a -> Addresses.unmapped(a).equals(remote))) {
            return true;
        }
        if (hostRegex != null) {
            if (hostRegex.matcher(Addresses.text(remote)).find()) {
                return true;
            }
            for (String name : names) {
                if (hostRegex.matcher(name).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean portMatches(int remotePort) {
        return port == null || port == remotePort;
    }

    /** A rule that names a program matches only a connection whose owner's name can be trusted to be it. */
    public boolean commandMatches(Connection c) {
        return command == null || c.systemProgram() && command.equals(c.process());
    }

    public String describe() {
        String dest = host != null ? "host " + host : hostRegex != null ? "host_regex " + hostRegex.pattern()
                : "cidr " + cidr.text();
        return "rule [" + index + "] (" + protocol.wire() + " " + dest + (port != null ? " port " + port : "")
                + (command != null ? " command " + command : "") + ")";
    }
}
