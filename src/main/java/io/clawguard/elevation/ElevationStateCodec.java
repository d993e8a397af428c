package io.clawguard.elevation;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code root-session-state.json} in the seed's format, plus the fields an approval binds to. */
public final class ElevationStateCodec {
    private ElevationStateCodec() {
    }

    public static ElevationState fromJson(JsonObject o) throws InvalidJsonFileException {
        String modeText = o.optString("privilege_mode").orElse("normal");
        ElevationState.Mode mode = switch (modeText) {
            case "normal" -> ElevationState.Mode.NORMAL;
            case "elevated" -> ElevationState.Mode.ELEVATED;
            default -> throw o.error("privilege_mode", "must be \"normal\" or \"elevated\", not \"" + modeText + "\"");
        };
        List<AllowedCommand> commands = new ArrayList<>();
        for (JsonObject c : o.objects("allowed_commands")) {
            commands.add(allowedCommand(c));
        }
        return new ElevationState(mode, instant(o, "last_elevated_activity_utc"), instant(o, "last_normal_activity_utc"),
                instant(o, "last_transition_utc"), o.optString("last_action").orElse(null),
                o.optString("approved_reason").orElse(null), o.optString("approved_session_id").orElse(null), commands,
                sessionTimeout(o));
    }

    private static Duration sessionTimeout(JsonObject o) throws InvalidJsonFileException {
        Optional<Long> seconds = o.optLong("idle_timeout_seconds");
        if (seconds.isPresent() && seconds.get() < 1) {
            throw o.error("idle_timeout_seconds", "must be at least 1");
        }
        return seconds.map(Duration::ofSeconds).orElse(null);
    }

    private static AllowedCommand allowedCommand(JsonObject c) throws InvalidJsonFileException {
        List<String> argv = c.strings("argv");
        if (argv.isEmpty()) {
            throw c.error("argv", "must not be empty");
        }
        AllowedCommand.Scope scope;
        String scopeText = c.optString("scope").orElse(null);
        if (scopeText == null) {
            scope = AllowedCommand.Scope.LEGACY;
        } else {
            try {
                scope = AllowedCommand.Scope.valueOf(scopeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw c.error("scope", "must be \"once\" or \"session\"");
            }
        }
        String requestId = c.optString("request_id").orElse(null);
        if (scope == AllowedCommand.Scope.ONCE && requestId == null) {
            throw c.error("request_id", "is required for a once-scoped entry");
        }
        return new AllowedCommand(argv, c.optString("resolved_path").orElse(null), c.optString("cwd").orElse(null),
                c.optString("session_id").orElse(null), c.optLong("requester_uid").map(Long::intValue).orElse(null),
                c.optString("binary_id").orElse(null), c.optString("cwd_id").orElse(null), scope, requestId,
                instant(c, "added_at_utc"));
    }

    private static Instant instant(JsonObject o, String field) throws InvalidJsonFileException {
        String text = o.optString(field).orElse(null);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw o.error(field, "is not a UTC timestamp such as 2026-01-31T12:00:00Z");
        }
    }

    public static Map<String, Object> toJson(ElevationState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("privilege_mode", s.mode().name().toLowerCase(Locale.ROOT));
        m.put("last_elevated_activity_utc", text(s.lastElevatedActivity()));
        m.put("last_normal_activity_utc", text(s.lastNormalActivity()));
        m.put("last_transition_utc", text(s.lastTransition()));
        m.put("last_action", s.lastAction());
        m.put("approved_reason", s.approvedReason());
        m.put("approved_session_id", s.approvedSessionId());
        if (s.sessionIdleTimeout() != null) {
            m.put("idle_timeout_seconds", s.sessionIdleTimeout().toSeconds());
        }
        List<Object> commands = new ArrayList<>();
        for (AllowedCommand c : s.allowedCommands()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("argv", c.argv());
            e.put("added_at_utc", text(c.addedAt()));
            if (c.scope() != AllowedCommand.Scope.LEGACY) {
                e.put("scope", c.scope().name().toLowerCase(Locale.ROOT));
                e.put("resolved_path", c.resolvedPath());
                e.put("cwd", c.cwd());
                e.put("session_id", c.sessionId());
                e.put("requester_uid", c.requesterUid() == null ? null : c.requesterUid().longValue());
                e.put("binary_id", c.binaryId());
                e.put("cwd_id", c.cwdId());
                e.put("request_id", c.requestId());
            }
            commands.add(e);
        }
        m.put("allowed_commands", commands);
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
