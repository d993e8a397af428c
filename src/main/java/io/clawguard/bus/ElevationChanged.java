package io.clawguard.bus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The elevation session as it now stands: the console's title bar and the idle timer
 * follow it. {@code lastActivity} is null in normal mode; {@code cause} says what changed it
 * (approved-command, post-command, idle-timeout, admin-drop, …).
 */
public record ElevationChanged(boolean elevated, Instant lastActivity, Duration idleTimeout,
                               List<List<String>> allowed, String sessionId, String cause, Instant at)
        implements Event {
    public ElevationChanged {
        allowed = allowed.stream().map(List::copyOf).toList();
    }
}
