package io.clawguard.console;

import io.clawguard.approval.VisibleText;
import io.clawguard.policy.ShellQuote;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One line of the activity pane, made from an audit record: time, action, command, outcome. */
public record ActivityLine(Instant at, String action, String text, Severity severity) {
    /** How the line is coloured. */
    public enum Severity { INFO, GOOD, WARN, BAD }

    private static final Set<String> BAD = Set.of("approval_denied", "policy_block", "command_invalid",
            "approval_token_failed", "untrusted_source_block", "sudo_binary_invalid", "policy_files_missing",
            "policy_file_invalid", "session_id_missing", "exec_failed", "exec_unreported", "audit_torn_line", "peer_refused",
            "peer_overloaded", "self_approval_refused", "cwd_unreadable", "exec_interrupted");
    private static final Set<String> GOOD = Set.of("approval_granted", "drop_elevation", "elevation_expired",
            "finding_cleared", "baseline_saved");
    private static final Set<String> WARN = Set.of("approval_requested", "approval_partial", "exec_start",
            "approver_unreachable",
            "finding_raised", "port_opened", "egress_new");

    public static ActivityLine of(Map<String, Object> record, Instant fallback) {
        String action = String.valueOf(record.getOrDefault("action", "?"));
        StringBuilder text = new StringBuilder();
        if (record.get("argv") instanceof List<?> argv) {
            text.append(VisibleText.of(ShellQuote.join(argv.stream().map(String::valueOf).toList())).text());
        }
        if (record.get("subject") instanceof String subject) {
            text.append(VisibleText.of(subject).text());
        }
        appendField(text, record, "outcome");
        appendField(text, record, "returncode");
        appendField(text, record, "decision_reason");
        appendField(text, record, "error");
        if ("policy_block".equals(action)) {
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
        Severity severity = BAD.contains(action) ? Severity.BAD : GOOD.contains(action) ? Severity.GOOD
                : WARN.contains(action) ? Severity.WARN : Severity.INFO;
        if ("approval_decision".equals(action)) {
            severity = Boolean.TRUE.equals(record.get("approved")) ? Severity.GOOD : Severity.BAD;
        }
        return new ActivityLine(at, action, text.toString(), severity);
    }

    private static void appendField(StringBuilder text, Map<String, Object> record, String field) {
        Object v = record.get(field);
        if (v != null) {
            text.append(text.length() > 0 ? "  " : "").append(field).append('=')
                    .append(VisibleText.of(String.valueOf(v)).text());
        }
    }
}
