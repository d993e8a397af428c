package io.clawguard.approval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A privileged request as it crosses the socket, in both directions. */
public final class WireRequest {
    private WireRequest() {
    }

    /** What {@code clawguard exec} sends: its arguments and the seed environment flags it runs with. */
    public static Map<String, Object> encode(List<String> argv, String reason, Path cwd, boolean useSudo,
                                             boolean keepSession, Integer timeoutMinutes, ExecEnvironment env) {
        Map<String, Object> m = WireProtocol.message("request");
        m.put("argv", argv);
        m.put("reason", reason);
        m.put("cwd", cwd.toString());
        m.put("use_sudo", useSudo);
        m.put("keep_session", keepSession);
        m.put("timeout_minutes", timeoutMinutes == null ? null : (long) timeoutMinutes);
        m.put("session_id", env.sessionId());
        m.put("require_session_id", env.requireSessionId());
        m.put("require_policy_files", env.requirePolicyFiles());
        m.put("untrusted_source", env.untrustedSource());
        m.put("real_sudo", env.realSudo());
        return m;
    }

    /**
     * The request the broker decides. Who asks comes from the kernel, never the message;
     * so does the working directory where the broker can read it ({@code kernelCwd}).
     */
    public static ExecRequest decode(Map<String, Object> m, Requester requester, Path kernelCwd)
            throws WireProtocol.ProtocolException {
        if (!"request".equals(m.get("type"))) {
            throw new WireProtocol.ProtocolException("expected a request, got " + m.get("type"));
        }
        List<String> argv = WireProtocol.strings(m, "argv");
        String reason = WireProtocol.string(m, "reason", true);
        String claimedCwd = WireProtocol.string(m, "cwd", true);
        Long minutes = WireProtocol.number(m, "timeout_minutes", false);
        if (minutes != null && minutes < 1) {
            throw new WireProtocol.ProtocolException("\"timeout_minutes\" must be at least 1");
        }
        String sessionId = WireProtocol.string(m, "session_id", false);
        String sudo = WireProtocol.string(m, "real_sudo", false);
        ExecEnvironment env = new ExecEnvironment(sessionId == null || sessionId.isBlank() ? null : sessionId,
                WireProtocol.flag(m, "require_session_id"), WireProtocol.flag(m, "require_policy_files"),
                WireProtocol.flag(m, "untrusted_source"), sudo == null ? ExecEnvironment.DEFAULT_SUDO : sudo);
        return new ExecRequest(argv, reason, WireProtocol.flag(m, "use_sudo"), WireProtocol.flag(m, "keep_session"),
                minutes == null ? null : Duration.ofMinutes(minutes),
                kernelCwd != null ? kernelCwd : Path.of(claimedCwd), env, requester);
    }
}
