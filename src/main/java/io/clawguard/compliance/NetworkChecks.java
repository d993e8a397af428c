package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.monitor.Addresses;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.ListeningSocket;
import io.clawguard.monitor.NetworkScan;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The checks of network exposure, read from the last scan and its rule files. */
final class NetworkChecks {
    private NetworkChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of("open_ports_approved", s -> findings(s, Finding.Kind.UNAPPROVED_PORT, true,
                        "every listening port matches an approved rule",
                        "Review the baseline (clawguard baseline review, or b in the console): approve with a"
                                + " justification or stop each service.")),
                Check.of("insecure_ports_remediated", NetworkChecks::insecureServices),
                Check.of("public_binds_justified", s -> withoutBaseline(s).orElseGet(() -> findings(s,
                        Finding.Kind.PUBLIC_BIND, false, "every public bind is justified by a rule comment",
                        "Bind to loopback, or justify the bind with a comment on its rule in approved_ports.json."))),
                Check.of("egress_allowlist_configured", NetworkChecks::allowlistConfigured),
                Check.of("egress_connections_approved", s -> withoutAllowlist(s).orElseGet(() -> findings(s,
                        Finding.Kind.UNAPPROVED_EGRESS, false, "every outbound connection is allowed",
                        "Allow expected destinations in egress_allowlist.json; stop the programs behind the rest."))));
    }

    /** Without a baseline no bind can be justified: open_ports_approved counts that once. */
    private static Optional<CheckResult.Draft> withoutBaseline(Signals s) {
        return s.network().filter(scan -> scan.baseline().isEmpty())
                .map(scan -> CheckResult.seeOther("open_ports_approved", "there is no approved baseline to justify"
                        + " a bind with"));
    }

    /**
     * Without an allow-list every connection is unapproved: egress_allowlist_configured counts that
     * once. With no outbound connection at all there is nothing to approve, which earns no credit either.
     */
    private static Optional<CheckResult.Draft> withoutAllowlist(Signals s) {
        if (s.network().isEmpty()) {
            return Optional.empty();
        }
        NetworkScan scan = s.network().get();
        if (scan.allowlist().isEmpty()) {
            return Optional.of(CheckResult.seeOther("egress_allowlist_configured", "there is no allow-list to hold"
                    + " connections against"));
        }
        if (scan.egress().outbound().isEmpty()) {
            return Optional.of(CheckResult.notApplicable("no outbound connection at scan time",
                    "0 outbound connections scanned at " + scan.snapshot().at()));
        }
        return Optional.empty();
    }

    private static CheckResult.Draft findings(Signals s, Finding.Kind kind, boolean needsBaseline, String good,
                                              String mitigation) {
        if (s.network().isEmpty()) {
            return noScan();
        }
        NetworkScan scan = s.network().get();
        List<Finding> found = scan.findings().stream().filter(f -> f.kind() == kind).toList();
        String evidence = found.isEmpty() ? scan.snapshot().listening().size() + " listeners, "
                + scan.egress().outbound().size() + " outbound connections scanned at " + scan.snapshot().at()
                : Evidence.list(found.stream().map(f -> Evidence.text(f.subject())).toList());
        if (needsBaseline && scan.baseline().isEmpty()) {
            return violation("no approved baseline", s.home().approvedPorts() + " is missing",
                    "no port is approved, so none can be told from an intruder's",
                    "Generate one: clawguard baseline generate, or b in the console.");
        }
        if (found.isEmpty()) {
            return compliant(good, evidence);
        }
        // A summary names the process, whose name is its own choice (prctl): quoted with its escapes written out.
        return violation(found.size() + " " + kind.id() + " finding(s)", evidence, Evidence.text(found.get(0).summary()),
                mitigation);
    }

    private static CheckResult.Draft noScan() {
        return notAssessed("no network scan", "the socket collector did not run");
    }

    /**
     * A cleartext service by its port (the scan's insecure-port findings) or by its daemon on any
     * port: vsftpd moved to 2121 still sends passwords in the clear. Process names are the
     * processes' own choice: shown with their escapes written out.
     */
    private static CheckResult.Draft insecureServices(Signals s) {
        if (s.network().isEmpty()) {
            return noScan();
        }
        NetworkScan scan = s.network().get();
        List<String> found = new ArrayList<>();
        Set<String> byPort = new HashSet<>();
        for (Finding f : scan.findings()) {
            if (f.kind() == Finding.Kind.INSECURE_PORT) {
                byPort.add(f.subject());
                found.add(Evidence.text(f.summary()));
            }
        }
        for (ListeningSocket l : scan.snapshot().listening()) {
            if (!byPort.contains(l.key())) {
                CleartextDaemons.protocol(l.process()).ifPresent(p -> found.add(Evidence.text(l.process())
                        + " on " + Addresses.endpoint(l.bind(), l.port()) + " (" + p + ", cleartext)"));
            }
        }
        if (found.isEmpty()) {
            return compliant("no cleartext legacy service listens", scan.snapshot().listening().size()
                    + " listeners scanned at " + scan.snapshot().at() + " (by port and by daemon name)");
        }
        return violation(found.size() + " cleartext service(s) listening", String.join("; ", found),
                "credentials and data cross the network readable by anyone on the path",
                "Move each service to its secure alternative (SFTP or FTPS for FTP, SSH for Telnet and the r-services,"
                        + " HTTPS for HTTP), then stop it and keep it off: systemctl disable --now <its unit>, or"
                        + " remove its line from /etc/inetd.conf.");
    }

    private static CheckResult.Draft allowlistConfigured(Signals s) {
        if (s.network().isPresent() && !s.network().get().ruleErrors().isEmpty()
                && s.network().get().ruleErrors().stream().anyMatch(e -> e.contains("egress_allowlist.json"))) {
            return CheckResult.error(s.home().egressAllowlist().toString(), String.join("; ",
                    s.network().get().ruleErrors()), "Fix " + s.home().egressAllowlist() + ".");
        }
        if (!Files.exists(s.home().egressAllowlist())) {
            return violation("no egress allow-list", s.home().egressAllowlist() + " is missing",
                    "any destination is as good as another", "Generate one: clawguard baseline generate --egress.");
        }
        int rules = s.network().flatMap(NetworkScan::allowlist).map(List::size).orElse(-1);
        if (rules == 0) {
            return partial("an empty egress allow-list", s.home().egressAllowlist() + ": 0 rules",
                    "every outbound connection is flagged, so findings will be ignored",
                    "Add the destinations OpenClaw needs (model and channel APIs).");
        }
        return compliant("outbound destinations are allow-listed", s.home().egressAllowlist()
                + (rules > 0 ? ": " + rules + " rules" : ""));
    }
}
