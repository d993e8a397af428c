package io.clawguard.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.audit.AuditChain;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import io.clawguard.policy.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RFC 5424 frame, the OCSF body and the CEF line, with what a hostile agent puts in a record. */
class SyslogFormatsTest {
    /** What the agent controls: argv and reason, with an escape sequence, a CSI in C1 form, a newline and CEF's and syslog's own separators. */
    private static final String HOSTILE = "x\u001b[2J\u009b31m\nfake=1 | ] \" \\ \u2028end";

    private static Map<String, Object> record(String action) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("action", action);
        r.put("argv", List.of("/usr/bin/printf", HOSTILE));
        r.put("reason", HOSTILE);
        r.put("requester_uid", 1000L);
        r.put("request_id", "r-1");
        r.put("ts_utc", "2026-11-24T10:00:00.123456789Z");
        r.put(AuditChain.SEQ, 118L);
        r.put(AuditChain.PREV, "a".repeat(64));
        r.put(AuditChain.HASH, AuditChain.hashOf(r));
        return r;
    }

    private static SyslogSettings settings(String format) throws InvalidJsonFileException {
        return SyslogSettings.parse(JsonObject.of("clawguard.json", Map.of("syslog", Map.of("transport", "tcp", "host",
                "127.0.0.1", "port", 6514L, "format", format))), Path.of("/etc/clawguard"));
    }

    @Test
    void theHeaderCarriesTheRecordsTimeTheActionAndTheChain() throws Exception {
        String m = new String(new SyslogMessage(settings("ocsf"), "web 1", 4242, "0.1.0").format(record("exec_start")),
                StandardCharsets.UTF_8);
        assertThat(m).startsWith("<85>1 2026-11-24T10:00:00.123456Z web?1 clawguard 4242 exec_start "
                + "[clawguard@32473 seq=\"118\" hash=\"" + record("exec_start").get("hash") + "\" prev=\"" + "a".repeat(64)
                + "\"] {");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOcsfBodyIsOneLineWithEveryTerminalControlEscapedAndTheRecordWhole() throws Exception {
        String m = new String(new SyslogMessage(settings("ocsf"), "web1", 1, "0.1.0").format(record("exec_start")),
                StandardCharsets.UTF_8);
        String body = m.substring(m.indexOf("] ") + 2);
        assertThat(body).doesNotContain("\n", "\u001b", "\u009b", "\u2028").contains("\\u001B[2J", "\\u009b31m", "\\n");
        Map<String, Object> e = (Map<String, Object>) JsonValues.parse(body);
        assertThat(e).containsEntry("class_uid", 1007L).containsEntry("type_uid", 100701L);
        assertThat(((Map<String, Object>) e.get("process")).get("cmd_line"))
                .isEqualTo(ShellQuote.join(List.of("/usr/bin/printf", HOSTILE)));
        Map<String, Object> carried = (Map<String, Object>) ((Map<String, Object>) e.get("unmapped")).get("clawguard_record");
        assertThat(AuditChain.hashOf(carried)).isEqualTo(record("exec_start").get("hash"));
    }

    @Test
    void theCefLineEscapesItsSeparatorsAndWritesControlsAsText() throws Exception {
        String line = CefEvent.of(record("approval_denied"), "web1", "0.1.0");
        assertThat(line).startsWith("CEF:0|ClawGuard|clawguard|0.1.0|approval_denied|approval denied|7|")
                .doesNotContain("\n", "\r", "\u001b", "\u009b", "\u2028")
                .contains("msg=x\\u001b[2J\\u009b31m\\nfake\\=1 | ] \" \\\\ \\u2028end", "cn1Label=seq cn1=118");
        // Every '=' that is not a key's is escaped, so no value can add a field of its own.
        assertThat(line.split("\\|", 8)[7]).doesNotContainPattern("(?<!\\\\)=1 ");
        assertThat(CefEvent.header("a|b\\c")).isEqualTo("a\\|b\\\\c");
    }

    @Test
    void badSettingsNameTheirField() {
        assertThatThrownBy(() -> SyslogSettings.parse(JsonObject.of("clawguard.json", Map.of("syslog",
                Map.of("transport", "carrier-pigeon", "host", "h", "port", 1L))), Path.of("/")))
                .hasMessageContaining("transport").hasMessageContaining("udp, tcp, tls");
        assertThatThrownBy(() -> SyslogSettings.parse(JsonObject.of("clawguard.json", Map.of("syslog",
                Map.of("transport", "tcp", "host", "h", "port", 70000L))), Path.of("/"))).hasMessageContaining("port");
        assertThatThrownBy(() -> SyslogSettings.parse(JsonObject.of("clawguard.json", Map.of("syslog",
                Map.of("transport", "tcp", "host", "h -oProxyCommand=x", "port", 514L))), Path.of("/")))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> SyslogSettings.parse(JsonObject.of("clawguard.json", Map.of("syslog",
                Map.of("transport", "tcp", "host", "h", "port", 514L, "ca_file", "ca.pem"))), Path.of("/")))
                .hasMessageContaining("ca_file");
        assertThatThrownBy(() -> SyslogSettings.parse(JsonObject.of("clawguard.json", Map.of("syslog",
                Map.of("transport", "udp", "host", "h", "port", 514L, "facility", "kern"))), Path.of("/")))
                .hasMessageContaining("facility");
    }
}
