package io.clawguard.approval;

import java.util.Map;

/**
 * The seed's environment variables as {@code clawguard exec} reads them. They come from the
 * agent, so only those that tighten a control are honoured; the sudo path is honoured only
 * because it is validated like any command.
 */
public record ExecEnvironment(String sessionId, boolean requireSessionId, boolean requirePolicyFiles,
                              boolean untrustedSource, String realSudo) {
    public static final String DEFAULT_SUDO = "/usr/bin/sudo";

    /**
     * These switches with the admin's own settings in force too: the agent's environment can add
     * a control the admin left off, never lift one the admin set (unsetting a variable is free).
     */
    public ExecEnvironment tightenedBy(boolean sessionIdRequired, boolean policyFilesRequired, boolean untrusted) {
        return new ExecEnvironment(sessionId, requireSessionId || sessionIdRequired,
                requirePolicyFiles || policyFilesRequired, untrustedSource || untrusted, realSudo);
    }

    public static ExecEnvironment from(Map<String, String> env) {
        String session = env.get("OPENCLAW_TASK_SESSION_ID");
        return new ExecEnvironment(
                session == null || session.isBlank() ? null : session,
                "1".equals(env.get("OPENCLAW_REQUIRE_SESSION_ID")),
                "1".equals(env.get("OPENCLAW_REQUIRE_POLICY_FILES")),
                "1".equals(env.get("OPENCLAW_UNTRUSTED_SOURCE")),
                env.getOrDefault("OPENCLAW_REAL_SUDO", DEFAULT_SUDO));
    }
}
