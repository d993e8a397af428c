package io.clawguard.metrics;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Prometheus text exposition format (version 0.0.4) of a {@link MetricsSnapshot}: one
 * {@code # HELP} and {@code # TYPE} per metric, names {@code clawguard_…} in base units,
 * {@code _total} on counters, label values escaped ({@code \\}, {@code "}, newline), series in a
 * stable order so the file only changes when a figure does.
 */
public final class PromText {
    private final StringBuilder out = new StringBuilder();
    private String current;

    private PromText() {
    }

    public static String of(MetricsSnapshot m) {
        PromText t = new PromText();
        t.metric("clawguard_pending_approvals", "gauge", "Privileged requests waiting for an admin's decision.")
                .sample("", m.pendingApprovals());
        t.metric("clawguard_elevated", "gauge", "1 while a session approval is in force, else 0.")
                .sample("", m.elevated() ? 1 : 0);
        t.metric("clawguard_elevation_idle_seconds_left", "gauge",
                "Seconds before an idle elevated session is dropped (0 when not elevated).")
                .sample("", m.elevated() ? m.elevationSecondsLeft() : 0);
        if (m.complianceScore() != null) {
            t.metric("clawguard_compliance_score", "gauge", "The compliance score of the last assessment, 0 to 100.")
                    .sample("", m.complianceScore());
            t.metric("clawguard_compliance_coverage_percent", "gauge", "How much of the controls map the last"
                    + " assessment could judge (assessed weight over the weight that applies), 0 to 100.")
                    .sample("", m.complianceCoverage());
            t.metric("clawguard_compliance_checks", "gauge", "Checks of the last assessment by status and risk.");
            m.checks().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(MetricsSnapshot.StatusRisk::status)
                            .thenComparing(MetricsSnapshot.StatusRisk::risk)))
                    .forEach(e -> t.sample("{status=\"" + escape(e.getKey().status()) + "\",risk=\""
                            + escape(e.getKey().risk()) + "\"}", e.getValue()));
        }
        if (m.networkScanOk() != null) {
            t.metric("clawguard_network_scan_ok", "gauge",
                    "1 while network scans succeed, 0 once they fail (the findings below are then the last good scan's).")
                    .sample("", m.networkScanOk() ? 1 : 0);
        }
        t.metric("clawguard_network_findings", "gauge", "Findings of the last network scan by kind.");
        new TreeMap<>(m.findingsByKind()).forEach((kind, n) -> t.sample("{kind=\"" + escape(kind) + "\"}", n));
        t.metric("clawguard_audit_log_bytes", "gauge", "Size of the audit log, every segment included.")
                .sample("", m.auditLogBytes());
        t.metric("clawguard_audit_last_verified_seq", "gauge", "Sequence number of the last audit record verified.")
                .sample("", m.auditLastVerifiedSeq());
        t.metric("clawguard_audit_chain_intact", "gauge",
                "1 while the audit chain verifies, 0 once a break was found (privileged requests are then refused).")
                .sample("", m.auditChainIntact() ? 1 : 0);
        t.metric("clawguard_approval_decisions_total", "counter",
                "Decisions on privileged requests since the broker started, by outcome.");
        new TreeMap<>(m.decisionsByOutcome()).forEach((outcome, n) ->
                t.sample("{outcome=\"" + escape(outcome) + "\"}", n));
        if (m.syslog() != null) {
            t.metric("clawguard_syslog_queued_records", "gauge",
                    "Audit records not yet confirmed by the syslog collector (they wait in the audit log).")
                    .sample("", m.syslog().queuedRecords());
            t.metric("clawguard_syslog_up", "gauge", "1 while sending to the syslog collector works, 0 while it fails.")
                    .sample("", m.syslog().failing() ? 0 : 1);
        }
        return t.out.toString();
    }

    private PromText metric(String name, String type, String help) {
        current = name;
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    private void sample(String labels, long value) {
        out.append(current).append(labels).append(' ').append(value).append('\n');
    }

    /** Label values may hold anything; the format lets a backslash, a quote and a newline through escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
