package io.clawguard.cli;

import io.clawguard.text.VisibleText;
import io.clawguard.audit.AuditChain;
import io.clawguard.json.JsonValues;
import io.clawguard.policy.ShellQuote;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One audit record as a readable line: time, action, command, then the other fields. */
final class AuditLineFormat {
    private static final Set<String> SHOWN_FIRST = Set.of("ts_utc", "action", "argv",
            AuditChain.SEQ, AuditChain.PREV, AuditChain.HASH);

    private AuditLineFormat() {
    }

    @SuppressWarnings("unchecked")
    static String format(String line) {
        Object value;
        try {
            value = JsonValues.parse(line);
        } catch (IOException e) {
            return "(unreadable line) " + VisibleText.of(line).text();
        }
        if (!(value instanceof Map)) {
            return "(not a record) " + VisibleText.of(line).text();
        }
        Map<String, Object> r = (Map<String, Object>) value;
        StringBuilder out = new StringBuilder();
        out.append(r.getOrDefault("ts_utc", "?")).append("  ").append(r.getOrDefault("action", "?"));
        if (r.get("argv") instanceof List<?> argv) {
            out.append("  ").append(VisibleText.of(ShellQuote.join(argv.stream().map(String::valueOf).toList())).text());
        }
        r.forEach((k, v) -> {
            if (!SHOWN_FIRST.contains(k) && v != null) {
                out.append("  ").append(k).append('=').append(VisibleText.of(String.valueOf(v)).text());
            }
        });
        return out.toString();
    }
}
