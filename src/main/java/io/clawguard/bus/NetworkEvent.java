package io.clawguard.bus;

import java.time.Instant;

/**
 * One change between two scans, for the audit log: a port opened or closed, a destination
 * appeared or went, a finding raised or cleared. {@code action} is the audit action name.
 */
public record NetworkEvent(String action, String subject, String detail, boolean initial, Instant at) implements Event {
}
