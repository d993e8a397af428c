package io.clawguard.policy;

/** A command or sudo binary that may not be run with root rights; the message says why. */
public final class InvalidCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidCommandException(String message) {
        super(message);
    }
}
