package io.clawguard.forward;

import io.clawguard.audit.AuditAction;

/** How much a record matters, in each format's own scale: OCSF's severity, CEF's 0–10, syslog's 0–7. */
enum Severity {
    INFORMATIONAL(1, "Informational", 3, 6),
    LOW(2, "Low", 5, 5),
    MEDIUM(3, "Medium", 7, 4),
    CRITICAL(5, "Critical", 10, 2);

    private final int ocsfId;
    private final String ocsfName;
    private final int cef;
    private final int syslog;

    Severity(int ocsfId, String ocsfName, int cef, int syslog) {
        this.ocsfId = ocsfId;
        this.ocsfName = ocsfName;
        this.cef = cef;
        this.syslog = syslog;
    }

    /** A broken chain is critical; the rest follows the tone the console colours the action with. */
    static Severity of(AuditAction action) {
        if (action == null) {
            return LOW;
        }
        if (action == AuditAction.AUDIT_CHAIN_BROKEN) {
            return CRITICAL;
        }
        return switch (action.tone()) {
            case BAD -> MEDIUM;
            case WARN -> LOW;
            case INFO, GOOD -> INFORMATIONAL;
        };
    }

    int ocsfId() {
        return ocsfId;
    }

    String ocsfName() {
        return ocsfName;
    }

    int cef() {
        return cef;
    }

    /** RFC 5424: 2 critical, 4 warning, 5 notice, 6 informational. */
    int syslog() {
        return syslog;
    }
}
