package io.clawguard.forward;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditChain;
import io.clawguard.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One audit record as an RFC 5424 message: {@code <PRI>1 TIMESTAMP HOSTNAME clawguard PROCID
 * MSGID [clawguard@32473 seq hash prev] BODY}. The timestamp is the record's own; the MSGID is
 * the action; the structured data carries the chain, so a collector can check that nothing
 * between two records went missing without parsing the body. 32473 is the enterprise number
 * RFC 5612 sets aside for examples: ClawGuard has none of its own yet.
 */
final class SyslogMessage {
    static final String APP_NAME = "clawguard";
    static final String SD_ID = "clawguard@32473";

    private final SyslogSettings settings;
    private final String hostname;
    private final String procId;
    private final String version;

    SyslogMessage(SyslogSettings settings, String hostname, long pid, String version) {
        this.settings = settings;
        this.hostname = printable(hostname, 255);
        this.procId = Long.toString(pid);
        this.version = version;
    }

    byte[] format(Map<String, Object> record) {
        Severity severity = Severity.of(AuditAction.named(record.get("action")).orElse(null));
        String msgId = AuditAction.named(record.get("action")).map(AuditAction::logName).orElse("-");
        StringBuilder b = new StringBuilder(512);
        b.append('<').append(settings.facility() * 8 + severity.syslog()).append(">1 ")
                .append(timestamp(record.get("ts_utc"))).append(' ').append(hostname).append(' ').append(APP_NAME)
                .append(' ').append(procId).append(' ').append(msgId).append(" [").append(SD_ID);
        param(b, "seq", record.get(AuditChain.SEQ));
        param(b, "hash", record.get(AuditChain.HASH));
        param(b, "prev", record.get(AuditChain.PREV));
        b.append("] ");
        b.append(settings.format() == SyslogSettings.Format.CEF ? CefEvent.of(record, hostname, version)
                : JsonValues.compactForPeople(OcsfEvent.of(record, hostname, version)));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The record's time when it is one (the log's own), to the microsecond RFC 5424 allows, else NILVALUE. */
    private static String timestamp(Object ts) {
        return RecordTime.of(ts).map(t -> t.truncatedTo(ChronoUnit.MICROS).toString()).orElse("-");
    }

    /** An SD-PARAM, with {@code "}, {@code \} and {@code ]} escaped as RFC 5424 requires. */
    private static void param(StringBuilder b, String name, Object value) {
        if (value != null) {
            String v = String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
            b.append(' ').append(name).append("=\"").append(printable(v, 256)).append('"');
        }
    }

    /** PRINTUSASCII only, as header fields must be; anything else becomes {@code ?}. */
    private static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c > 32 && c < 127 ? c : '?');
        }
        return b.length() == 0 ? "-" : b.toString();
    }
}
