package io.clawguard.monitor;

import java.util.List;

/**
 * Outbound connections (the egress), the inbound ones to this host's own listeners (counted
 * apart: the admin's SSH session is no egress), and the findings about the outbound ones.
 */
public record EgressReport(List<Connection> outbound, List<Connection> inbound, List<Finding> findings) {
    public EgressReport {
        outbound = List.copyOf(outbound);
        inbound = List.copyOf(inbound);
        findings = List.copyOf(findings);
    }
}
