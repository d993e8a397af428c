package io.clawguard.compliance;

import java.util.Map;

/**
 * What one check found: status, risk, what it observed, the evidence it looked at (a file,
 * value or finding), the gap to the expected state, and the mitigation: what to change, where.
 */
public record CheckResult(String checkId, Status status, String risk, String observed, String evidence, String gap,
                          String mitigation) {

    /**
     * A partly built result: the check fills in its id and default risk. {@code swaps} replaces
     * control ids the map cites when the state found makes another id the true one (a deny-only
     * command policy is CM-7(4), not CM-7(5)).
     */
    public record Draft(Status status, String observed, String evidence, String gap, String mitigation,
                        Map<String, String> swaps) {
        public Draft {
            swaps = Map.copyOf(swaps);
        }

        Draft(Status status, String observed, String evidence, String gap, String mitigation) {
            this(status, observed, evidence, gap, mitigation, Map.of());
        }

        /** The same result, citing {@code actual} where the map cites {@code mapped}. */
        public Draft citing(String mapped, String actual) {
            Map<String, String> more = new java.util.HashMap<>(swaps);
            more.put(mapped, actual);
            return new Draft(status, observed, evidence, gap, mitigation, more);
        }

        ScoredCheck as(Control control) {
            Control cited = control.swapping(swaps);
            return new ScoredCheck(cited, new CheckResult(control.checkId(), status, control.defaultRisk(), observed,
                    evidence, gap, mitigation));
        }
    }

    public static Draft compliant(String observed, String evidence) {
        return new Draft(Status.COMPLIANT, observed, evidence, "", "");
    }

    public static Draft partial(String observed, String evidence, String gap, String mitigation) {
        return new Draft(Status.PARTIAL, observed, evidence, gap, mitigation);
    }

    public static Draft violation(String observed, String evidence, String gap, String mitigation) {
        return new Draft(Status.VIOLATION, observed, evidence, gap, mitigation);
    }

    /** The signal could not be read (a tool missing, no scan): unknown, not guessed. */
    public static Draft notAssessed(String why, String evidence) {
        return new Draft(Status.NOT_ASSESSED, why, evidence, "cannot be judged: " + why,
                "Provide the signal named in the evidence, then assess again.");
    }

    /** A root-only file this process may not read: running as root would assess it. */
    public static Draft unreadable(String file, String problem) {
        return new Draft(Status.NOT_ASSESSED, file + " cannot be read by this user", file + ": " + problem,
                "cannot be judged without " + file, "Run clawguard assess as root (sudo clawguard assess) to assess this.");
    }

    /** The state makes the check moot (no channels configured: no channel can be open). */
    public static Draft notApplicable(String why, String evidence) {
        return new Draft(Status.NOT_APPLICABLE, why, evidence, "", "");
    }

    /** The fact this check depends on is already counted by {@code checkId}: penalised once, there. */
    public static Draft seeOther(String checkId, String why) {
        return new Draft(Status.NOT_APPLICABLE, "see " + checkId + ": " + why, "depends on " + checkId, "", "");
    }

    /** The signal exists but cannot be parsed: scored as 0, never skipped. */
    public static Draft error(String file, String problem, String mitigation) {
        return new Draft(Status.ERROR, file + " cannot be parsed", file + ": " + problem,
                "the setting in force is unknown", mitigation);
    }
}
