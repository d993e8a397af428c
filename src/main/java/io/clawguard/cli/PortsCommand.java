package io.clawguard.cli;

import io.clawguard.monitor.Addresses;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.ListeningSocket;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.OwnerLookup;
import io.clawguard.monitor.ScanJson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code clawguard ports}: listening sockets against the approved baseline. Exit 1 on findings. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List listening TCP/UDP sockets with unapproved, insecure and public binds flagged;"
                + " exit 1 when there is a finding, 4 when approved_ports.json cannot be read."})
final class PortsCommand extends NetworkReport {
    @Override
    Set<OwnerLookup> owners() {
        return Set.of(OwnerLookup.LISTENERS);
    }

    @Override
    Map<String, Object> json(NetworkScan scan) {
        return ScanJson.ports(scan);
    }

    @Override
    List<Finding> findings(NetworkScan scan) {
        return scan.portFindings();
    }

    @Override
    void printTable(NetworkScan scan) {
        System.out.printf("%-5s %-40s %-8s %-16s %s%n", "proto", "bind", "pid", "process", "flags");
        for (ListeningSocket s : scan.snapshot().listening()) {
            List<String> kinds = scan.portFindings().stream().filter(f -> f.subject().equals(s.key()))
                    .map(f -> f.kind().id()).toList();
            System.out.printf("%-5s %-40s %-8d %-16s %s%n", s.protocol().wire(), Addresses.endpoint(s.bind(), s.port()),
                    s.pid(), visible(s.process()), String.join(",", kinds));
        }
    }
}
