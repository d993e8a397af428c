package io.clawguard.monitor;

import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One look at the network with the rules in force: the snapshot, the port findings, the
 * egress report, and any rule file that could not be read (whose last good rules, if any,
 * were used instead).
 */
public record NetworkScan(SocketSnapshot snapshot, Optional<List<PortRule>> baseline,
                          Optional<List<EgressRule>> allowlist, List<Finding> portFindings, EgressReport egress,
                          List<String> ruleErrors) {
    public NetworkScan {
        portFindings = List.copyOf(portFindings);
        ruleErrors = List.copyOf(ruleErrors);
    }

    /** Every finding, ports first. */
    public List<Finding> findings() {
        return Stream.of(floodFindings().stream(), portFindings.stream(), egress.findings().stream())
                .flatMap(s -> s).toList();
    }

    /** A user holding more sockets than a scan examines: what it hides there is not seen. */
    private List<Finding> floodFindings() {
        return snapshot.floods().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new Finding(Finding.Kind.SOCKET_FLOOD, Finding.Risk.HIGH, "user " + e.getKey(),
                        e.getValue() + " sockets of " + e.getKey() + " past the first " + SocketSnapshot.PER_USER
                                + " were not examined: listeners or connections among them are not shown",
                        "Find out why " + e.getKey() + " holds so many sockets and stop the process;"
                                + " a flood of sockets can hide egress."))
                .toList();
    }

    /** Reads the rules and evaluates one snapshot with them. */
    public static NetworkScan of(StateHome home, SocketSnapshot snapshot, HostResolver resolver, RuleCache rules) {
        rules.reload(home);
        return new NetworkScan(snapshot, rules.baseline(), rules.allowlist(),
                PortEvaluator.evaluate(snapshot.listening(), rules.baseline()),
                EgressEvaluator.evaluate(snapshot, rules.allowlist(), resolver), rules.errors());
    }

    /**
     * The rule files as last read successfully. A file that turns bad keeps its last good
     * rules in force and is reported, so monitoring never silently stops.
     */
    public static final class RuleCache {
        private Optional<List<PortRule>> baseline = Optional.empty();
        private Optional<List<EgressRule>> allowlist = Optional.empty();
        private List<String> errors = List.of();

        public void reload(StateHome home) {
            List<String> problems = new ArrayList<>();
            try {
                baseline = RuleFiles.ports(home.approvedPorts());
            } catch (InvalidJsonFileException e) {
                problems.add(e.getMessage() + (baseline.isPresent() ? " (using the last good rules)" : ""));
            }
            try {
                allowlist = RuleFiles.egress(home.egressAllowlist());
            } catch (InvalidJsonFileException e) {
                problems.add(e.getMessage() + (allowlist.isPresent() ? " (using the last good rules)" : ""));
            }
            errors = List.copyOf(problems);
        }

        public Optional<List<PortRule>> baseline() {
            return baseline;
        }

        public Optional<List<EgressRule>> allowlist() {
            return allowlist;
        }

        public List<String> errors() {
            return errors;
        }
    }
}
