package io.clawguard.compliance;

/**
 * What one check found: status, risk, what it observed, the evidence it looked at (a file,
 * value or finding), the gap to the expected state, and the mitigation: what to change, where.
 */
public record CheckResult(String checkId, Status status, String risk, String observed, String evidence, String gap,
                          String mitigation) {

    /** A partly built result: the check fills in its id and default risk. */
    public record Draft(Status status, String observed, String evidence, String gap, String mitigation) {
        CheckResult as(Control control) {
            return new CheckResult(control.checkId(), status, control.defaultRisk(), observed, evidence, gap, mitigation);
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

    public static Draft notAssessed(String why, String evidence) {
        return new Draft(Status.NOT_ASSESSED, why, evidence, "cannot be judged: " + why,
                "Provide the signal named in the evidence, then assess again.");
    }
}
