package io.clawguard.cli;

import io.clawguard.text.VisibleText;
import io.clawguard.json.JsonValues;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.OwnerLookup;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code ports} and {@code egress} share: one scan, JSON or a table, the findings with
 * what to do; exit 1 when there is a finding, 4 when a rule file cannot be read (named on
 * stderr; with {@code --json} the output is then the error alone, never a report that leaves
 * the broken rules out).
 */
abstract class NetworkReport implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    /** The sockets whose processes the report prints: only those are looked up. */
    abstract Set<OwnerLookup> owners();

    abstract Map<String, Object> json(NetworkScan scan);

    abstract void printTable(NetworkScan scan);

    abstract List<Finding> findings(NetworkScan scan);

    @Override
    public Integer call() throws IOException {
        LogFiles.toFile(home.stateHome().logFile());
        NetworkScan scan = OneShotScan.run(home.stateHome(), owners());
        if (!json) {
            printTable(scan);
            printFindings(findings(scan));
        }
        if (!scan.ruleErrors().isEmpty()) {
            String first = scan.ruleErrors().get(0);
            int colon = first.indexOf(": ");
            throw CommandFailure.brokenConfig(colon > 0 ? first.substring(0, colon) : null,
                    visible(String.join("; ", scan.ruleErrors())));
        }
        if (json) {
            System.out.println(JsonValues.pretty(json(scan)));
        }
        return findings(scan).isEmpty() ? ExitCode.CLEAN : ExitCode.FINDINGS;
    }

    /** Process names are the process's own choice: written out so no escape sequence reaches the terminal. */
    static String visible(String text) {
        return VisibleText.of(text).text();
    }

    private static void printFindings(List<Finding> findings) {
        if (findings.isEmpty()) {
            System.out.println("\nno findings");
            return;
        }
        System.out.println();
        for (Finding f : findings) {
            System.out.println("[" + f.risk().name() + "] " + f.kind().id() + ": " + visible(f.summary()));
            System.out.println("    → " + visible(f.recommendation()));
        }
    }
}
