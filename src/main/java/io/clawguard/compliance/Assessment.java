package io.clawguard.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One assessment: when, on which host, the score (0–100) and its band, the counts by status
 * and by risk, and every check worst first.
 */
public record Assessment(Instant generatedAt, String host, int score, String band, Map<String, Long> byStatus,
                         Map<String, Long> byRisk, List<ScoredCheck> checks) {
    public Assessment {
        byStatus = Map.copyOf(byStatus);
        byRisk = Map.copyOf(byRisk);
        checks = List.copyOf(checks);
    }
}
