package io.clawguard.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One assessment: when, on which host, the score (0–100), how much of the map it covers, its
 * band, the counts by status and by risk, and every check worst first.
 */
public record Assessment(Instant generatedAt, String host, int score, Coverage coverage, int minCoveragePercent,
                         String band, Map<String, Long> byStatus, Map<String, Long> byRisk, List<ScoredCheck> checks) {
    public Assessment {
        byStatus = Map.copyOf(byStatus);
        byRisk = Map.copyOf(byRisk);
        checks = List.copyOf(checks);
    }

    /** True when too little could be judged to grade the host. */
    public boolean insufficientEvidence() {
        return Scoring.INSUFFICIENT.equals(band);
    }

    public long count(Status status) {
        return byStatus.getOrDefault(status.wire(), 0L);
    }
}
