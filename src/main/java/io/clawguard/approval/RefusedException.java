package io.clawguard.approval;

/** A request turned away before it ran, with the exit code and message for the requester. */
final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    RefusedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    ExecOutcome outcome() {
        return ExecOutcome.refused(exitCode, getMessage());
    }
}
