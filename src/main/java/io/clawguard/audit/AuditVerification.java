package io.clawguard.audit;

/**
 * The result of checking the audit log's chain. {@code chainStartLine} is 0 when no line is
 * chained yet; {@code firstBadLine} is 0 when the log is intact.
 */
public record AuditVerification(int legacyLines, int chainStartLine, long chainedRecords,
                                int firstBadLine, String problem) {

    static AuditVerification intact(int legacy, int chainStart, long chained) {
        return new AuditVerification(legacy, chainStart, chained, 0, null);
    }

    static AuditVerification broken(int line, int legacy, int chainStart, String problem) {
        return new AuditVerification(legacy, chainStart, 0, line, problem);
    }

    public boolean intact() {
        return firstBadLine == 0;
    }
}
