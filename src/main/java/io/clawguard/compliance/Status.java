package io.clawguard.compliance;

import java.util.Locale;

/** How a control stands, worst first; {@code NOT_ASSESSED} when the signal it needs is missing. */
public enum Status {
    VIOLATION, PARTIAL, NOT_ASSESSED, COMPLIANT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
