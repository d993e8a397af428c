package io.clawguard.approval;

/** The exit codes of {@code clawguard exec} (DESIGN.md); any other code is the command's own. */
public final class ExitCode {
    public static final int DENIED = 1;
    public static final int USAGE = 2;
    public static final int POLICY_BLOCKED = 3;
    public static final int SECOND_FACTOR_FAILED = 4;
    public static final int UNTRUSTED_NOT_CONFIRMED = 5;
    public static final int SESSION_ID_MISSING = 6;
    public static final int POLICY_FILES_MISSING = 7;
    public static final int INVALID_COMMAND = 8;
    public static final int INVALID_SUDO = 9;
    public static final int NO_APPROVER = 10;
    public static final int APPROVAL_TIMED_OUT = 11;

    private ExitCode() {
    }
}
