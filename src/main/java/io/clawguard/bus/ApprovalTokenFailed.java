package io.clawguard.bus;

import java.time.Instant;

/** The approver typed a wrong second factor; the request stays pending. */
public record ApprovalTokenFailed(String requestId, Instant at) implements Event {
}
