package io.clawguard.compliance;

import java.util.Collection;

/**
 * How much of the map an assessment could judge: the weight of the checks that were assessed
 * (any status but not_assessed and not_applicable) over the weight of the checks that could have
 * been (all but not_applicable, which is moot rather than unknown).
 */
public record Coverage(int assessedWeight, int totalWeight, int assessedChecks, int totalChecks) {

    public static Coverage of(Collection<CheckResult> results) {
        int assessedWeight = 0;
        int totalWeight = 0;
        int assessed = 0;
        int total = 0;
        for (CheckResult r : results) {
            if (r.status() == Status.NOT_APPLICABLE) {
                continue;
            }
            int w = Scoring.weight(r.risk());
            totalWeight += w;
            total++;
            if (r.status().assessed()) {
                assessedWeight += w;
                assessed++;
            }
        }
        return new Coverage(assessedWeight, totalWeight, assessed, total);
    }

    /** 0 to 100, rounded down so 69.9 % never passes a 70 % floor; 100 when nothing could apply. */
    public int percent() {
        return totalWeight == 0 ? 100 : assessedWeight * 100 / totalWeight;
    }

    /** "17 of 26 checks assessed (74 % of the weight)". */
    public String describe() {
        return assessedChecks + " of " + totalChecks + " checks assessed (" + percent() + " % of the weight)";
    }
}
