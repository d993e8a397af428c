package io.clawguard.forward;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditChain;
import io.clawguard.json.JsonValues;
import io.clawguard.json.TerminalEscapes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One audit record as an ArcSight CEF line: {@code CEF:0|ClawGuard|clawguard|version|action|
 * name|severity|extensions}. Header fields escape {@code \} and {@code |}; extension values
 * escape {@code \}, {@code =} and line breaks, as the format defines. CEF has no escape for
 * other controls, so an escape character or a C1 control the agent put in an argument is
 * written as the text backslash-u-001b (a real backslash is always doubled, so this cannot
 * be mistaken for one). The chain's {@code seq} and hash travel as {@code cn1} and {@code cs2}.
 */
final class CefEvent {
    private CefEvent() {
    }

    static String of(Map<String, Object> record, String hostname, String productVersion) {
        String action = String.valueOf(record.get("action"));
        Severity severity = Severity.of(AuditAction.named(record.get("action")).orElse(null));
        StringBuilder line = new StringBuilder("CEF:0|ClawGuard|clawguard|").append(header(productVersion)).append('|')
                .append(header(action)).append('|').append(header(action.replace('_', ' '))).append('|')
                .append(severity.cef()).append('|');
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("rt", RecordTime.millis(record.get("ts_utc")));
        ext.put("dvchost", hostname);
        ext.put("act", action);
        labelled(ext, 1, "seq", record.get(AuditChain.SEQ), true);
        labelled(ext, 2, "hash", record.get(AuditChain.HASH), false);
        labelled(ext, 3, "prev", record.get(AuditChain.PREV), false);
        labelled(ext, 4, "request_id", record.get("request_id"), false);
        labelled(ext, 5, "session_id", record.get("session_id"), false);
        if (record.get("argv") instanceof List<?> argv) {
            labelled(ext, 6, "argv", JsonValues.compactForPeople(argv), false);
        }
        labelled(ext, 2, "returncode", record.get("returncode"), true);
        put(ext, "suid", record.get("requester_uid"));
        put(ext, "spid", record.get("requester_pid"));
        put(ext, "duser", record.get("runs_as"));
        put(ext, "filePath", record.get("resolved_path"));
        put(ext, "msg", record.containsKey("reason") ? record.get("reason") : record.get("detail"));
        put(ext, "reason", record.get("decision_reason"));
        put(ext, "suser", record.get("by") instanceof List<?> names ? String.join(",",
                names.stream().map(String::valueOf).toList()) : record.get("by"));
        put(ext, "outcome", record.get("approved") instanceof Boolean b ? (b ? "approved" : "denied") : null);
        boolean first = true;
        for (Map.Entry<String, Object> e : ext.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            line.append(first ? "" : " ").append(e.getKey()).append('=').append(extension(String.valueOf(e.getValue())));
            first = false;
        }
        return line.toString();
    }

    /** {@code cs<n>}/{@code cn<n>} with its label, the way CEF carries fields it has no name for. */
    private static void labelled(Map<String, Object> ext, int n, String label, Object value, boolean number) {
        if (value == null) {
            return;
        }
        String key = (number ? "cn" : "cs") + n;
        ext.put(key + "Label", label);
        ext.put(key, value);
    }

    private static void put(Map<String, Object> ext, String key, Object value) {
        if (value != null) {
            ext.put(key, value);
        }
    }

    static String header(String s) {
        return controls(s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " "));
    }

    static String extension(String s) {
        return controls(s.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n"));
    }

    private static String controls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (TerminalEscapes.controls(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
