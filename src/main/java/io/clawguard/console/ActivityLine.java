package io.clawguard.console;

import io.clawguard.text.VisibleText;
import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditAction.Tone;
import io.clawguard.policy.ShellQuote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the activity pane, made from an audit record: time, action, command, outcome,
 * and the run it belongs to (its request id, as the broker gave it: only ever sent back to it).
 */
public record ActivityLine(Instant at, String action, String text, Tone severity, String requestId) {
    /** Far wider than any terminal; the detail views show a request whole. */
    static final int MAX_TEXT = 4096;

    public static ActivityLine of(Map<String, Object> record, Instant fallback) {
        String action = VisibleText.of(String.valueOf(record.getOrDefault("action", "?"))).text();
        Optional<AuditAction> known = AuditAction.named(record.get("action"));
        StringBuilder text = new StringBuilder();
        if (record.get("child_argv") instanceof List<?> child) {
            // A program the run started: shown under it, by its own argv and pid.
            text.append("↳ ").append(VisibleText.of(ShellQuote.join(child.stream().map(String::valueOf).toList())).text())
                    .append("  (pid ").append(record.get("child_pid")).append(" of ").append(record.get("parent_pid"))
                    .append(')');
            appendField(text, record, "pattern");
        } else if (record.get("argv") instanceof List<?> argv) {
            text.append(VisibleText.of(ShellQuote.join(argv.stream().map(String::valueOf).toList())).text());
        }
        if (record.get("subject") instanceof String subject) {
            text.append(VisibleText.of(subject).text());
        }
        appendField(text, record, "outcome");
        appendField(text, record, "returncode");
        appendField(text, record, "decision_reason");
        appendField(text, record, "error");
        if (known.orElse(null) == AuditAction.POLICY_BLOCK) {
            appendField(text, record, "reason");
        }
        Instant at = fallback;
        if (record.get("ts_utc") instanceof String ts) {
            try {
                at = Instant.parse(ts);
            } catch (RuntimeException e) {
                at = fallback;
            }
        }
        Tone severity = known.map(AuditAction::tone).orElse(Tone.INFO);
        if (known.orElse(null) == AuditAction.APPROVAL_DECISION) {
            severity = Boolean.TRUE.equals(record.get("approved")) ? Tone.GOOD : Tone.BAD;
        }
        String requestId = record.get("request_id") instanceof String id ? id : null;
        // One screen line each, 500 of them kept: an agent's 16 MiB argv must not make that gigabytes.
        String shown = text.length() <= MAX_TEXT ? text.toString() : text.substring(0, MAX_TEXT) + "…";
        return new ActivityLine(at, action, shown, severity, requestId);
    }

    private static void appendField(StringBuilder text, Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v != null) {
            text.append(text.length() > 0 ? "  " : "").append(field).append('=')
                    .append(VisibleText.of(String.valueOf(v)).text());
        }
    }
}
