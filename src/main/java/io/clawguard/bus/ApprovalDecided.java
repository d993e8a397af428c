package io.clawguard.bus;

import java.time.Instant;

/** A pending request got its answer; {@code outcome} is approved, denied, timed_out, … */
public record ApprovalDecided(String requestId, String outcome, boolean keep, String reason, Instant at)
        implements Event {
}
