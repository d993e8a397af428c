package io.clawguard.elevation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The elevation state as the admin should read it now: a session past its idle timeout is
 * reported as expired even before a process gets round to dropping it.
 */
public record ElevationStatus(ElevationState state, Duration idleTimeout, Instant now) {

    public String mode() {
        if (state.elevated() && state.idleExpired(now, idleTimeout)) {
            return "expired";
        }
        return state.mode().name().toLowerCase(Locale.ROOT);
    }

    /** The idle timeout in force for this session. */
    public Duration effectiveTimeout() {
        return state.effectiveTimeout(idleTimeout);
    }

    public Duration idleLeft() {
        return state.idleLeft(now, idleTimeout).orElse(Duration.ZERO);
    }

    /** The stable JSON form of {@code clawguard status --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode());
        m.put("idle_timeout_seconds", state.effectiveTimeout(idleTimeout).toSeconds());
        m.put("idle_left_seconds", idleLeft().toSeconds());
        m.put("approved_session_id", state.approvedSessionId());
        m.put("approved_reason", state.approvedReason());
        m.put("last_action", state.lastAction());
        m.put("last_elevated_activity_utc", text(state.lastElevatedActivity()));
        m.put("last_transition_utc", text(state.lastTransition()));
        List<Object> commands = new ArrayList<>();
        for (AllowedCommand c : state.allowedCommands()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("argv", c.argv());
            e.put("scope", c.scope().name().toLowerCase(Locale.ROOT));
            e.put("session_id", c.sessionId());
            e.put("resolved_path", c.resolvedPath());
            e.put("cwd", c.cwd());
            e.put("added_at_utc", text(c.addedAt()));
            commands.add(e);
        }
        m.put("allowed_commands", commands);
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
