package io.clawguard.compliance;

import java.util.Collection;

/**
 * The score: each assessed check weighs by its risk (low 1, medium 2, high 3, critical 4),
 * counts whole when compliant, half when partial, nothing when violated or in error (a signal
 * that exists but cannot be parsed earns nothing, as in XCCDF's default model). Checks that
 * could not be assessed or do not apply leave the denominator rather than being guessed; the
 * coverage says how much that left out, and below the floor the band says so instead of a grade.
 */
public final class Scoring {
    public static final String INSUFFICIENT = "insufficient evidence";
    public static final int DEFAULT_MIN_COVERAGE = 70;

    private Scoring() {
    }

    public static int weight(String risk) {
        return switch (risk) {
            case "low" -> 1;
            case "high" -> 3;
            case "critical" -> 4;
            default -> 2;
        };
    }

    /** 0 to 100, rounded down (89.9 is not "good"); 0 when nothing could be assessed. */
    public static int score(Collection<CheckResult> results) {
        double earned = 0;
        int possible = 0;
        for (CheckResult r : results) {
            if (!r.status().assessed()) {
                continue;
            }
            int w = weight(r.risk());
            possible += w;
            earned += r.status() == Status.COMPLIANT ? w : r.status() == Status.PARTIAL ? w / 2.0 : 0;
        }
        return possible == 0 ? 0 : (int) Math.floor(100 * earned / possible);
    }

    /** The band of a score, unless too little was assessed to grade the host at all. */
    public static String band(int score, Coverage coverage, int minCoveragePercent) {
        if (coverage.assessedChecks() == 0 || coverage.percent() < minCoveragePercent) {
            return INSUFFICIENT;
        }
        return score >= 90 ? "good" : score >= 75 ? "fair" : score >= 50 ? "poor" : "critical";
    }
}
