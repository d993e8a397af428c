package io.clawguard.approval;

/** How {@code clawguard exec} ends: the exit code and, when refused, a message for the requester. */
public record ExecOutcome(int exitCode, String message) {
    public static ExecOutcome ran(int exitCode) {
        return new ExecOutcome(exitCode, null);
    }

    public static ExecOutcome refused(int exitCode, String message) {
        return new ExecOutcome(exitCode, message);
    }
}
