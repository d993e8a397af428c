package io.clawguard.cli;

import io.clawguard.json.JsonValues;
import io.clawguard.monitor.Addresses;
import io.clawguard.monitor.Connection;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.ScanJson;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard egress}: outbound connections against the egress allow-list. Exit 1 on findings. */
@Command(name = "egress", mixinStandardHelpOptions = true,
        description = "List outbound connections with destinations outside egress_allowlist.json flagged;"
                + " exit 1 when there is a finding or a rule file cannot be read.")
final class EgressCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        NetworkScan scan = OneShotScan.run(home.stateHome());
        if (json) {
            System.out.println(JsonValues.pretty(ScanJson.egress(scan)));
        } else {
            scan.ruleErrors().forEach(e -> System.out.println("rule file error: " + e));
            System.out.printf("%-5s %-46s %-8s %s%n", "proto", "remote", "pid", "process");
            for (Connection c : scan.egress().outbound()) {
                System.out.printf("%-5s %-46s %-8d %s%n", c.protocol().wire(), Addresses.endpoint(c.remote(), c.remotePort()),
                        c.pid(), c.process());
            }
            System.out.println("(" + scan.egress().inbound().size() + " inbound connections to this host's listeners"
                    + " not counted as egress)");
            PortsCommand.printFindings(scan.egress().findings());
        }
        return scan.egress().findings().isEmpty() && scan.ruleErrors().isEmpty() ? 0 : 1;
    }
}
