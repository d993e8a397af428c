package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the agent may do on its own: run commands without asking (tools.exec, tools.elevated),
 * outside a sandbox, and whether its logs mask secrets. Defaults are OpenClaw's: exec approvals
 * (docs.openclaw.ai/tools/exec-approvals) ask "on-miss", askFallback "deny", autoAllowSkills off;
 * logging.redactSensitive "tools" (docs.openclaw.ai/gateway/logging).
 */
final class AgentToolChecks {
    private AgentToolChecks() {
    }

    static List<Check> all() {
        return List.of(
                OpenClawConfigCheck.of("openclaw_exec_approvals", AgentToolChecks::execApprovals),
                OpenClawConfigCheck.of("openclaw_sandbox_enabled", (s, oc) -> SandboxPolicy.judge(oc, s.openclawDir())),
                OpenClawConfigCheck.of("logging_redaction_enabled", AgentToolChecks::redaction));
    }

    private static CheckResult.Draft execApprovals(Signals s, OpenClawSettings oc) {
        List<ExecPolicy> policies = ExecPolicy.inForce(oc, s.openclawDir().resolve("exec-approvals.json"));
        boolean elevated = ToolReach.elevatedReachable(oc);
        String elevatedDefault = oc.choice("agents.defaults.elevatedDefault", "off", "off", "on", "ask", "full");
        String evidence = oc.file() + ": " + Evidence.list(policies.stream().map(ExecPolicy::toString).toList())
                + "; tools.elevated " + (elevated ? "usable" : "off") + ", agents.defaults.elevatedDefault = "
                + elevatedDefault + " (unset keys at OpenClaw's defaults)";
        List<String> bypass = new ArrayList<>();
        List<String> loose = new ArrayList<>();
        for (ExecPolicy p : policies) {
            if ("full".equals(p.security())) {
                bypass.add(p.where() + ".security is full (every command runs)");
            }
            if ("full".equals(p.fallback())) {
                bypass.add(p.where() + ".askFallback is full (an unanswered prompt runs the command)");
            }
            if ("off".equals(p.ask()) && "allowlist".equals(p.security())) {
                loose.add(p.where() + ".ask is off (no prompt before a command)");
            }
            if ("allowlist".equals(p.fallback())) {
                loose.add(p.where() + ".askFallback is allowlist");
            }
            if (p.skills()) {
                loose.add(p.where() + ".autoAllowSkills is on (skill binaries run unasked)");
            }
        }
        if (elevated && "full".equals(elevatedDefault)) {
            bypass.add("elevated exec defaults to full (approvals skipped)");
        } else if (elevated) {
            loose.add("elevated exec is usable by allow-listed senders (/elevated full skips approvals)");
        }
        String fix = "In " + oc.file() + ", set tools.exec: {security: \"allowlist\", ask: \"on-miss\", askFallback:"
                + " \"deny\", autoAllowSkills: false} (and the same in any agents.list[].tools.exec) and"
                + " tools.elevated.enabled: false (or an empty allowFrom).";
        if (!bypass.isEmpty()) {
            return violation("commands run without a human: " + Evidence.list(bypass), evidence,
                    "an injected prompt becomes a command on the host", fix);
        }
        if (!loose.isEmpty()) {
            return partial("exec approvals are weakened: " + Evidence.list(loose), evidence,
                    "some commands run without a human's decision", fix);
        }
        return compliant("host commands are " + (policies.stream().allMatch(p -> "deny".equals(p.security())) ? "denied"
                : "allow-listed, the rest asked, unanswered prompts denied"), evidence);
    }

    private static CheckResult.Draft redaction(Signals s, OpenClawSettings oc) {
        String mode = oc.choice("logging.redactSensitive", "tools", "off", "tools");
        boolean patternsEmptied = oc.at("logging.redactPatterns").isPresent() && oc.strings("logging.redactPatterns").isEmpty();
        String evidence = oc.file() + ": logging.redactSensitive = " + mode + (oc.at("logging.redactSensitive").isEmpty()
                ? " (OpenClaw's default)" : "") + (patternsEmptied ? ", logging.redactPatterns = []" : "");
        String fix = "Remove logging.redactSensitive and logging.redactPatterns from " + oc.file()
                + " (the default \"tools\" masks tokens with OpenClaw's patterns).";
        if ("off".equals(mode)) {
            return violation("log redaction is off", evidence, "tokens in tool output reach the logs in clear", fix);
        }
        if (patternsEmptied) {
            return partial("redaction is on with no pattern", evidence,
                    "redactPatterns replaces OpenClaw's defaults, so nothing is masked", fix);
        }
        return compliant("tool summaries are redacted (redactSensitive: tools)", evidence);
    }
}
