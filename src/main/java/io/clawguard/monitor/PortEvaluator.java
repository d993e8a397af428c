package io.clawguard.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Holds listening sockets against the approved baseline and the insecure-service list. */
public final class PortEvaluator {
    private PortEvaluator() {
    }

    /** {@code baseline} is empty when there is none yet: then every port is unapproved. */
    public static List<Finding> evaluate(List<ListeningSocket> listening, Optional<List<PortRule>> baseline) {
        List<Finding> findings = new ArrayList<>();
        List<PortRule> rules = baseline.orElse(List.of());
        for (ListeningSocket s : listening) {
            Optional<PortRule> rule = rules.stream().filter(r -> r.matches(s)).findFirst();
            String who = s.process() + " (pid " + s.pid() + ", " + s.user() + ")";
            if (rule.isEmpty()) {
                findings.add(new Finding(Finding.Kind.UNAPPROVED_PORT, Finding.Risk.MEDIUM, s.key(),
                        s.key() + " opened by " + who + " is in no rule of approved_ports.json"
                                + (baseline.isEmpty() ? " (there is no baseline yet)" : ""),
                        baseline.isEmpty() ? "Generate a baseline (clawguard baseline generate, or b in the console)"
                                + " and keep only what must listen."
                                : "Stop the service, or add a rule with a justification to approved_ports.json."));
            }
            InsecurePorts.of(s.port(), s.protocol()).ifPresent(svc -> findings.add(new Finding(
                    Finding.Kind.INSECURE_PORT, Finding.Risk.HIGH, s.key(),
                    svc.name() + " (cleartext) listens on " + s.key() + ", opened by " + who,
                    "Move to " + svc.alternative() + "; close " + s.port() + "/" + s.protocol().wire()
                            + " once nothing needs it.")));
            if (!s.loopback() && rule.map(r -> !r.justified()).orElse(true)) {
                findings.add(new Finding(Finding.Kind.PUBLIC_BIND, Finding.Risk.HIGH, s.key(),
                        s.key() + (s.wildcard() ? " is bound to every interface (" + Addresses.text(s.bind()) + ")"
                                : " is bound to the non-loopback address " + Addresses.text(s.bind()))
                                + " with no justification, opened by " + who,
                        "Bind it to 127.0.0.1 or ::1, or justify it with a comment on its rule in approved_ports.json."));
            }
        }
        return findings;
    }
}
