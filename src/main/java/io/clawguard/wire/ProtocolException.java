package io.clawguard.wire;

/** A peer broke the protocol; the connection is answered with an error and closed. */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
