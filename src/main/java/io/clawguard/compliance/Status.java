package io.clawguard.compliance;

import java.util.Locale;

/**
 * How a control stands, worst first. {@code ERROR}: the signal exists but cannot be parsed (scored
 * as 0, as XCCDF's default model does). {@code NOT_ASSESSED}: the signal could not be read.
 * {@code NOT_APPLICABLE}: the state makes the check moot, or another check already counts the fact.
 * Only those two leave the score's denominator.
 */
public enum Status {
    VIOLATION, ERROR, PARTIAL, NOT_ASSESSED, NOT_APPLICABLE, COMPLIANT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the check looked and judged: it counts in the score and in the coverage. */
    public boolean assessed() {
        return this != NOT_ASSESSED && this != NOT_APPLICABLE;
    }
}
