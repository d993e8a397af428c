package io.clawguard.bus;

import java.time.Instant;

/**
 * How sending audit records to the syslog collector goes: {@code state} is ok, queued or
 * failing; {@code queued} is the records in the log not yet known to have arrived;
 * {@code problem} says why sending fails, null when it does not.
 */
public record ForwardingChanged(String collector, String state, long queued, String problem, Instant at)
        implements Event {
    public static final String OK = "ok";
    public static final String QUEUED = "queued";
    public static final String FAILING = "failing";
}
