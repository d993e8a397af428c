package io.clawguard.approval;

import io.clawguard.files.FileIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The request {@code clawguard exec} sends, as the broker decodes it. Who asks and from which
 * folder come from the kernel, never from the message: the message has no field for either.
 */
public final class WireRequest {
    /** What the command may take from the requester's environment, and the shape each must have. */
    private static final Map<String, Pattern> COMMAND_ENV = Map.of(
            "LANG", Pattern.compile("[A-Za-z0-9_.@-]{1,64}"),
            "LC_ALL", Pattern.compile("[A-Za-z0-9_.@-]{1,64}"),
            "TERM", Pattern.compile("[A-Za-z0-9_.+-]{1,64}"));
    private static final Set<String> SEED_ENV = Set.of("OPENCLAW_TASK_SESSION_ID", "OPENCLAW_REQUIRE_SESSION_ID",
            "OPENCLAW_REQUIRE_POLICY_FILES", "OPENCLAW_UNTRUSTED_SOURCE", "OPENCLAW_REAL_SUDO");

    private WireRequest() {
    }

    /**
     * Decodes one request; {@code cwd} is the requester's working folder as the kernel names it,
     * {@code cwdHandle} a path that reaches exactly that folder while the broker holds it.
     */
    public static ExecRequest decode(Map<String, Object> m, Requester requester, Path cwd, FileIdentity cwdId,
                                     Path cwdHandle)
            throws WireProtocol.ProtocolException {
        if (!"request".equals(m.get("type"))) {
            throw new WireProtocol.ProtocolException("expected a request, got " + m.get("type"));
        }
        List<String> argv = WireProtocol.strings(m, "argv");
        String reason = WireProtocol.string(m, "reason", true);
        Long minutes = WireProtocol.number(m, "timeout_minutes", false);
        if (minutes != null && (minutes < 1 || minutes > 24 * 60)) {
            throw new WireProtocol.ProtocolException("\"timeout_minutes\" must be between 1 and 1440");
        }
        Map<String, String> env = environment(m);
        Map<String, String> commandEnv = new HashMap<>();
        COMMAND_ENV.forEach((name, shape) -> {
            String v = env.get(name);
            if (v != null && shape.matcher(v).matches()) {
                commandEnv.put(name, v);
            }
        });
        return new ExecRequest(argv, reason, WireProtocol.flag(m, "use_sudo"), WireProtocol.flag(m, "keep_session"),
                minutes == null ? null : Duration.ofMinutes(minutes), cwd, cwdId, cwdHandle, ExecEnvironment.from(env), commandEnv,
                requester);
    }

    private static Map<String, String> environment(Map<String, Object> m) throws WireProtocol.ProtocolException {
        Object value = m.get("env");
        Map<String, String> env = new HashMap<>();
        if (value == null) {
            return env;
        }
        if (!(value instanceof Map<?, ?> given)) {
            throw new WireProtocol.ProtocolException("\"env\" must be an object of strings");
        }
        for (Map.Entry<?, ?> e : given.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!COMMAND_ENV.containsKey(name) && !SEED_ENV.contains(name)) {
                throw new WireProtocol.ProtocolException("\"env\" may not carry " + name);
            }
            if (!(e.getValue() instanceof String s)) {
                throw new WireProtocol.ProtocolException("\"env\"." + name + " must be a string");
            }
            env.put(name, s);
        }
        return env;
    }
}
