package io.clawguard.audit;

/**
 * The result of checking the audit log's chain. {@code chainStartLine} is 0 when no line is
 * chained yet (or the walk began after a checkpoint); {@code broken} is null when the log is
 * intact, else the file and line where the first problem is.
 */
public record AuditVerification(int legacyLines, int chainStartLine, long chainedRecords, long lastSeq,
                                Break broken) {

    /**
     * Where the chain first fails: a file of the log (its name), a line of it (0: the file as a
     * whole), why, and whether it is a crash's debris (a torn last line the next write sets
     * aside) rather than a sign of tampering.
     */
    public record Break(String file, int line, String why, boolean crashDebris) {
        Break(String file, int line, String why) {
            this(file, line, why, false);
        }
    }

    static AuditVerification intact(int legacy, int chainStart, long chained, long lastSeq) {
        return new AuditVerification(legacy, chainStart, chained, lastSeq, null);
    }

    static AuditVerification broken(Break at) {
        return new AuditVerification(0, 0, 0, 0, at);
    }

    public boolean intact() {
        return broken == null;
    }

    public int firstBadLine() {
        return broken == null ? 0 : broken.line();
    }

    public String problem() {
        return broken == null ? null : broken.why();
    }

    /** The file of the log the first problem is in, or null. */
    public String badFile() {
        return broken == null ? null : broken.file();
    }
}
