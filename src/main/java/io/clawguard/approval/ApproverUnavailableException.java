package io.clawguard.approval;

/** No approver could be reached, so the request is refused (exit 10). */
public final class ApproverUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public ApproverUnavailableException(String message) {
        super(message);
    }
}
