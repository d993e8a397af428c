package io.clawguard.compliance;

import java.util.Collection;

/**
 * The score: each assessed check weighs by its risk (low 1, medium 2, high 3, critical 4),
 * counts whole when compliant, half when partial, nothing when violated; checks that could
 * not be assessed are left out rather than guessed.
 */
public final class Scoring {
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

    /** 0 to 100; 0 when nothing could be assessed. */
    public static int score(Collection<CheckResult> results) {
        double earned = 0;
        int possible = 0;
        for (CheckResult r : results) {
            if (r.status() == Status.NOT_ASSESSED) {
                continue;
            }
            int w = weight(r.risk());
            possible += w;
            earned += r.status() == Status.COMPLIANT ? w : r.status() == Status.PARTIAL ? w / 2.0 : 0;
        }
        return possible == 0 ? 0 : (int) Math.round(100 * earned / possible);
    }

    public static String band(int score, boolean anyAssessed) {
        if (!anyAssessed) {
            return "unknown";
        }
        return score >= 90 ? "good" : score >= 75 ? "fair" : score >= 50 ? "poor" : "critical";
    }
}
