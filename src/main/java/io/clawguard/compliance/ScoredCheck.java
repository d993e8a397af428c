package io.clawguard.compliance;

/** A check's result beside the control it evidences. */
public record ScoredCheck(Control control, CheckResult result) {
}
