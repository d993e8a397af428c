package io.clawguard.cli;

import io.clawguard.monitor.Addresses;
import io.clawguard.monitor.Connection;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.OwnerLookup;
import io.clawguard.monitor.ScanJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code clawguard egress}: outbound connections against the egress allow-list. Exit 1 on findings. */
@Command(name = "egress", mixinStandardHelpOptions = true,
        description = {"List outbound connections with destinations outside egress_allowlist.json flagged;"
                + " exit 1 when there is a finding, 4 when egress_allowlist.json cannot be read."})
final class EgressCommand extends NetworkReport {
    @Override
    Set<OwnerLookup> owners() {
        return Set.of(OwnerLookup.CONNECTIONS);
    }

    @Override
    Map<String, Object> json(NetworkScan scan) {
        return ScanJson.egress(scan);
    }

    @Override
    List<Finding> findings(NetworkScan scan) {
        return scan.egress().findings();
    }

    @Override
    void printTable(NetworkScan scan) {
        System.out.printf("%-5s %-46s %-8s %s%n", "proto", "remote", "pid", "process");
        for (Connection c : scan.egress().outbound()) {
            System.out.printf("%-5s %-46s %-8d %s%n", c.protocol().wire(), Addresses.endpoint(c.remote(), c.remotePort()),
                    c.pid(), visible(c.process()));
        }
        System.out.println("(" + scan.egress().inbound().size() + " inbound connections to this host's listeners"
                + " not counted as egress)");
    }
}
