package io.clawguard.elevation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The elevation session as a value: normal or elevated, the allow-listed commands and the
 * last elevated activity. Every transition returns a new state; the store persists it.
 * Elevated idle time is counted from {@code lastElevatedActivity}; {@code sessionIdleTimeout}
 * is a shorter timeout a requester asked for, kept so every process applies it.
 */
public record ElevationState(Mode mode, Instant lastElevatedActivity, Instant lastNormalActivity,
                             Instant lastTransition, String lastAction, String approvedReason,
                             String approvedSessionId, List<AllowedCommand> allowedCommands,
                             Duration sessionIdleTimeout) {
    /** The two privilege modes. */
    public enum Mode { NORMAL, ELEVATED }

    public static final ElevationState INITIAL =
            new ElevationState(Mode.NORMAL, null, null, null, null, null, null, List.of(), null);

    public ElevationState {
        allowedCommands = List.copyOf(allowedCommands);
    }

    public boolean elevated() {
        return mode == Mode.ELEVATED;
    }

    /** The timeout in force: the configured one, or the session's own when that is shorter. */
    public Duration effectiveTimeout(Duration configured) {
        return sessionIdleTimeout != null && sessionIdleTimeout.compareTo(configured) < 0 ? sessionIdleTimeout : configured;
    }

    /** Time left before the idle expiry under the configured timeout; empty when not elevated. */
    public Optional<Duration> idleLeft(Instant now, Duration configured) {
        if (!elevated()) {
            return Optional.empty();
        }
        Duration timeout = effectiveTimeout(configured);
        Instant since = lastElevatedActivity != null ? lastElevatedActivity : lastTransition;
        if (since == null) {
            return Optional.of(Duration.ZERO);
        }
        Duration left = timeout.minus(Duration.between(since, now));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    public boolean idleExpired(Instant now, Duration timeout) {
        return idleLeft(now, timeout).map(left -> left.isZero()).orElse(false);
    }

    /** True when a live session already allows {@code b}; the caller checks expiry first. */
    public boolean authorises(CommandBinding b) {
        return elevated() && allowedCommands.stream().anyMatch(c -> c.authorises(b));
    }

    public ElevationState granted(CommandBinding b, String reason, AllowedCommand.Scope scope,
                                  String requestId, Instant now) {
        return granted(b, reason, scope, requestId, now, null);
    }

    /** As above; a non-null {@code timeout} shortens the session's idle timeout, never lengthens it. */
    public ElevationState granted(CommandBinding b, String reason, AllowedCommand.Scope scope,
                                  String requestId, Instant now, Duration timeout) {
        List<AllowedCommand> entries = new ArrayList<>(allowedCommands);
        entries.add(AllowedCommand.of(b, scope, requestId, now));
        Duration kept = elevated() ? sessionIdleTimeout : null;
        Duration shortest = timeout == null ? kept : kept == null || timeout.compareTo(kept) < 0 ? timeout : kept;
        return new ElevationState(Mode.ELEVATED, now, lastNormalActivity, elevated() ? lastTransition : now,
                "approved-command", reason, b.sessionId(), entries, shortest);
    }

    /** Elevated activity: resets the idle clock. */
    public ElevationState touched(Instant now) {
        if (!elevated()) {
            return this;
        }
        return new ElevationState(mode, now, lastNormalActivity, lastTransition, "elevated-command",
                approvedReason, approvedSessionId, allowedCommands, sessionIdleTimeout);
    }

    /** Removes the in-flight entry of one approved-once run; back to normal when none is left. */
    public ElevationState withoutOnce(String requestId, Instant now) {
        List<AllowedCommand> entries = new ArrayList<>(allowedCommands);
        entries.removeIf(c -> c.scope() == AllowedCommand.Scope.ONCE && c.requestId().equals(requestId));
        if (entries.isEmpty()) {
            return dropped(now, "post-command");
        }
        return new ElevationState(mode, now, lastNormalActivity, lastTransition, "post-command",
                approvedReason, approvedSessionId, entries, sessionIdleTimeout);
    }

    /** Back to normal mode with nothing allow-listed. */
    public ElevationState dropped(Instant now, String action) {
        return new ElevationState(Mode.NORMAL, lastElevatedActivity, now, now, action, null, null, List.of(), null);
    }
}
