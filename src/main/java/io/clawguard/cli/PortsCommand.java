package io.clawguard.cli;

import io.clawguard.json.JsonValues;
import io.clawguard.monitor.Addresses;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.ListeningSocket;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.ScanJson;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard ports}: listening sockets against the approved baseline. Exit 1 on findings. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "List listening TCP/UDP sockets with unapproved, insecure and public binds flagged;"
                + " exit 1 when there is a finding or a rule file cannot be read.")
final class PortsCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        NetworkScan scan = OneShotScan.run(home.stateHome());
        if (json) {
            System.out.println(JsonValues.pretty(ScanJson.ports(scan)));
        } else {
            scan.ruleErrors().forEach(e -> System.out.println("rule file error: " + e));
            System.out.printf("%-5s %-40s %-8s %-16s %s%n", "proto", "bind", "pid", "process", "flags");
            for (ListeningSocket s : scan.snapshot().listening()) {
                List<String> kinds = scan.portFindings().stream().filter(f -> f.subject().equals(s.key()))
                        .map(f -> f.kind().id()).toList();
                System.out.printf("%-5s %-40s %-8d %-16s %s%n", s.protocol().wire(),
                        Addresses.endpoint(s.bind(), s.port()), s.pid(), s.process(), String.join(",", kinds));
            }
            printFindings(scan.portFindings());
        }
        return scan.portFindings().isEmpty() && scan.ruleErrors().isEmpty() ? 0 : 1;
    }

    static void printFindings(List<Finding> findings) {
        if (findings.isEmpty()) {
            System.out.println("\nno findings");
            return;
        }
        System.out.println();
        for (Finding f : findings) {
            System.out.println("[" + f.risk().name() + "] " + f.kind().id() + ": " + f.summary());
            System.out.println("    → " + f.recommendation());
        }
    }
}
