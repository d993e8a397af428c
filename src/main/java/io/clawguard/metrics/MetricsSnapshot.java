package io.clawguard.metrics;

import java.util.Map;

/**
 * What the broker publishes to Prometheus at one moment: every figure {@link PromText} writes,
 * gathered from the bus and the broker's own state. Maps are label value to count.
 */
public record MetricsSnapshot(int pendingApprovals, boolean elevated, long elevationSecondsLeft,
                              Integer complianceScore, Map<StatusRisk, Long> checks, Boolean networkScanOk,
                              Map<String, Long> findingsByKind,
                              long auditLogBytes, long auditLastVerifiedSeq, boolean auditChainIntact,
                              Map<String, Long> decisionsByOutcome) {

    /** A compliance check's status and risk, the two labels of {@code clawguard_compliance_checks}. */
    public record StatusRisk(String status, String risk) {
    }

    public MetricsSnapshot {
        checks = Map.copyOf(checks);
        findingsByKind = Map.copyOf(findingsByKind);
        decisionsByOutcome = Map.copyOf(decisionsByOutcome);
    }
}
