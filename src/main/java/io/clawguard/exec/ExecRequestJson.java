package io.clawguard.exec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The request {@code exec} sends, written with Jackson's streaming generator only (the client
 * loads no JSON tree and no data binding). The broker checks every field; what it takes from
 * the environment is listed in {@link #FORWARDED_ENV}.
 */
public final class ExecRequestJson {
    /** The seed's variables, and the locale and terminal the command may want. */
    public static final List<String> FORWARDED_ENV = List.of("OPENCLAW_TASK_SESSION_ID", "OPENCLAW_REQUIRE_SESSION_ID",
            "OPENCLAW_REQUIRE_POLICY_FILES", "OPENCLAW_UNTRUSTED_SOURCE", "OPENCLAW_REAL_SUDO", "LANG", "LC_ALL", "TERM");

    private ExecRequestJson() {
    }

    public static byte[] encode(List<String> argv, String reason, boolean useSudo, boolean keepSession, Integer timeoutMinutes,
                         Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeStringField("type", "request");
            g.writeArrayFieldStart("argv");
            for (String a : argv) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeStringField("reason", reason);
            g.writeBooleanField("use_sudo", useSudo);
            g.writeBooleanField("keep_session", keepSession);
            if (timeoutMinutes != null) {
                g.writeNumberField("timeout_minutes", timeoutMinutes);
            }
            g.writeObjectFieldStart("env");
            for (String name : FORWARDED_ENV) {
                String value = env.get(name);
                if (value != null) {
                    g.writeStringField(name, value);
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
