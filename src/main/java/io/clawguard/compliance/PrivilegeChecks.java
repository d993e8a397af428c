package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.notApplicable;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.policy.CommandPolicy;
import io.clawguard.policy.CommandPolicyFile;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.PromptPolicy;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/** The checks of privileged execution: approval, least privilege, timeout, hook, policies, factors. */
final class PrivilegeChecks {
    private PrivilegeChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of("privilege_approval_required", AgentChecks::approvalRequired),
                Check.of("least_privilege_enforced", AgentChecks::leastPrivilege),
                Check.of("agent_group_memberships", AgentChecks::groupMemberships),
                Check.of("elevation_timeout_30m", PrivilegeChecks::timeout),
                Check.of("runtime_privilege_hook_installed", PrivilegeChecks::hook),
                Check.of("alternate_privilege_paths_restricted", AlternatePaths::evaluate),
                Check.of("prompt_injection_controls", PrivilegeChecks::promptInjection),
                Check.of("command_policy_enforced", PrivilegeChecks::commandPolicy),
                Check.of("session_boundary_enforced", PrivilegeChecks::sessionBoundary),
                Check.of("multi_factor_approval", SecondFactor::evaluate));
    }

    private static CheckResult.Draft timeout(Signals s) {
        GuardConfig config;
        try {
            config = s.config();
        } catch (InvalidJsonFileException e) {
            return error(s.home().config().toString(), e.getMessage(), "Fix " + s.home().config() + ".");
        }
        long minutes = config.idleTimeout().toMinutes();
        if (!explicitTimeout(s) && !s.host().brokerReachable(s.home().agentSocket())) {
            // A default earns credit only where it is in force: with no broker, no elevation can be open.
            return notApplicable("no broker runs, so no elevation can be open (the default of " + minutes
                    + " minutes applies once one starts)", s.home().config() + ": idle_timeout_minutes not set; "
                    + s.home().agentSocket() + " does not answer");
        }
        String evidence = s.home().config() + ": idle_timeout_minutes = " + minutes
                + (explicitTimeout(s) ? "" : " (the default, in force in the running broker)");
        if (minutes <= 30) {
            return compliant("elevation expires after " + minutes + " idle minutes", evidence);
        }
        String fix = "Set \"idle_timeout_minutes\" to 30 or less in " + s.home().config() + ".";
        return minutes <= 60 ? partial("elevation expires after " + minutes + " idle minutes", evidence,
                "longer than 30 minutes", fix)
                : violation("elevation expires after " + minutes + " idle minutes", evidence, "far longer than 30 minutes", fix);
    }

    private static boolean explicitTimeout(Signals s) {
        try {
            return JsonFiles.readLenient(s.home().config()).filter(doc -> doc instanceof java.util.Map<?, ?> m
                    && m.containsKey("idle_timeout_minutes")).isPresent();
        } catch (InvalidJsonFileException e) {
            return false;
        }
    }

    private static CheckResult.Draft hook(Signals s) {
        String shim = s.home().shimDir().resolve("sudo").toString();
        return s.shimInstalled() ? compliant("the sudo shim is installed", shim)
                : violation("no sudo shim", shim + " is missing", "the agent's sudo is not guarded",
                "Run clawguard hook install.");
    }

    private static CheckResult.Draft promptInjection(Signals s) {
        try {
            Optional<PromptPolicy> p = PromptPolicy.load(s.home().promptPolicy());
            if (p.isEmpty()) {
                return partial("no prompt policy file; untrusted sources need confirmation by default",
                        s.home().promptPolicy() + " is missing", "the policy is not recorded where an auditor can see it",
                        "Copy references/templates/prompt-policy.template.json to " + s.home().promptPolicy() + ".");
            }
            return p.get().requireConfirmationForUntrusted()
                    ? compliant("untrusted sources need explicit confirmation", s.home().promptPolicy()
                    + ": require_confirmation_for_untrusted = true")
                    : violation("untrusted sources need no confirmation", s.home().promptPolicy()
                    + ": require_confirmation_for_untrusted = false", "injected instructions can be approved in one keypress",
                    "Set \"require_confirmation_for_untrusted\": true in " + s.home().promptPolicy() + ".");
        } catch (InvalidJsonFileException e) {
            return violation("the prompt policy cannot be read", e.getMessage(), "the policy in force is unknown",
                    "Fix " + s.home().promptPolicy() + ".");
        }
    }

    private static CheckResult.Draft commandPolicy(Signals s) {
        try {
            Optional<CommandPolicy> p = CommandPolicyFile.load(s.home().commandPolicy());
            if (p.isEmpty()) {
                return violation("no command policy", s.home().commandPolicy() + " is missing",
                        "any command can be put to the approver, including shells and destructive commands",
                        "Copy references/templates/command-policy.template.json to " + s.home().commandPolicy()
                                + " and adapt it.");
            }
            CommandPolicy c = p.get();
            String evidence = s.home().commandPolicy() + ": " + c.deny().size() + " deny, " + c.denyExact().size()
                    + " deny_exact, " + c.allow().size() + " allow, " + c.allowExact().size() + " allow_exact rules";
            // Only allow rules make the policy allow-by-exception (CM-7(5)); deny rules alone are CM-7(4).
            boolean allowList = !c.allow().isEmpty() || !c.allowExact().isEmpty();
            CheckResult.Draft result = c.deny().isEmpty() && c.denyExact().isEmpty()
                    ? partial("a command policy without deny rules", evidence, "nothing is blocked outright",
                    "Add deny rules for shells and destructive commands (see the template).")
                    : compliant("privileged commands are filtered by policy" + (allowList ? " (allow-list)"
                    : " (deny rules only)"), evidence);
            return allowList ? result.citing("CM-7(4)", "CM-7(5)") : result;
        } catch (InvalidJsonFileException e) {
            return violation("the command policy cannot be read", e.getMessage(),
                    "privileged execution is refused until it is fixed", "Fix " + s.home().commandPolicy() + ".");
        }
    }

    private static CheckResult.Draft sessionBoundary(Signals s) {
        GuardConfig config;
        try {
            config = s.config();
        } catch (InvalidJsonFileException e) {
            return error(s.home().config().toString(), e.getMessage(), "Fix " + s.home().config() + ".");
        }
        String required = s.openclawEnv().get("OPENCLAW_REQUIRE_SESSION_ID");
        String evidence = s.home().config() + ": require_session_id = " + config.requireSessionId() + "; "
                + s.openclawEnvFile() + (Files.exists(s.openclawEnvFile()) ? ": OPENCLAW_REQUIRE_SESSION_ID = "
                + (required == null ? "unset" : Evidence.value(required)) : " does not exist");
        if (config.requireSessionId()) {
            return compliant("approvals are scoped to a task session id, which clawguard.json requires", evidence);
        }
        // OPENCLAW_REQUIRE_SESSION_ID reaches the broker from the requesting process's environment:
        // the agent's to leave out of any request, so .env asking for it requires nothing.
        String fix = "Set \"require_session_id\": true in " + s.home().config() + " (in force whatever the agent's"
                + " environment says).";
        return "1".equals(required)
                ? partial("approvals are scoped to a task session id; the agent's own environment asks for one", evidence,
                "the agent can leave OPENCLAW_REQUIRE_SESSION_ID out of any request", fix)
                : partial("approvals are scoped to a task session id when the agent sends one", evidence,
                "a request without a session id is still accepted", fix);
    }
}
