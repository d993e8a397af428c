package io.clawguard.metrics;

import java.util.Map;

/**
 * What the broker publishes to Prometheus at one moment: every figure {@link PromText} writes,
 * gathered from the bus and the broker's own state. Maps are label value to count; {@code syslog}
 * is null when the broker forwards nothing.
 */
public record MetricsSnapshot(int pendingApprovals, boolean elevated, long elevationSecondsLeft,
                              Integer complianceScore, Integer complianceCoverage, Map<StatusRisk, Long> checks, Boolean networkScanOk,
                              Map<String, Long> findingsByKind,
                              long auditLogBytes, long auditLastVerifiedSeq, boolean auditChainIntact,
                              Map<String, Long> decisionsByOutcome, Forwarding syslog) {

    /** A compliance check's status and risk, the two labels of {@code clawguard_compliance_checks}. */
    public record StatusRisk(String status, String risk) {
    }

    /** Sending to the syslog collector: records not yet confirmed, and whether it is failing. */
    public record Forwarding(long queuedRecords, boolean failing) {
    }

    public MetricsSnapshot {
        checks = Map.copyOf(checks);
        findingsByKind = Map.copyOf(findingsByKind);
        decisionsByOutcome = Map.copyOf(decisionsByOutcome);
    }
}
