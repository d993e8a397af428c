package io.clawguard.compliance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which dangerous tools OpenClaw's tool policy leaves reachable, read as OpenClaw's own
 * {@code security audit} reads them (src/security/audit-extra.sync.ts: runtime tools are exec and
 * process; a deny wins over an allow; the "minimal" and "messaging" profiles carry no runtime tool).
 * Per-agent and per-group tool overrides can only narrow this, so the global policy is the ceiling.
 */
final class ToolReach {
    static final List<String> RUNTIME = List.of("exec", "process");
    private static final Set<String> PROFILES_WITHOUT_RUNTIME = Set.of("minimal", "messaging");

    private ToolReach() {
    }

    /** exec and process, less those the global tool policy (tools.profile, allow, alsoAllow, deny) removes. */
    static List<String> runtimeTools(OpenClawSettings oc) {
        List<String> deny = oc.strings("tools.deny");
        List<String> allow = oc.strings("tools.allow");
        List<String> alsoAllow = oc.strings("tools.alsoAllow");
        String profile = oc.choice("tools.profile", "full", "minimal", "messaging", "coding", "full");
        return RUNTIME.stream()
                .filter(tool -> !names(deny, tool))
                .filter(tool -> allow.isEmpty() || names(allow, tool))
                .filter(tool -> !PROFILES_WITHOUT_RUNTIME.contains(profile) || names(alsoAllow, tool))
                .toList();
    }

    private static boolean names(List<String> entries, String tool) {
        return entries.contains(tool) || entries.contains("group:runtime") || entries.contains("*");
    }

    /**
     * Elevated exec (the sandbox escape, "/elevated full" skipping approvals) is usable by someone:
     * tools.elevated.enabled is not false and tools.elevated.allowFrom names at least one sender
     * (docs.openclaw.ai/tools/elevated: every gate must pass, an empty allow-list admits nobody).
     */
    static boolean elevatedReachable(OpenClawSettings oc) {
        if (!oc.flag("tools.elevated.enabled", true)) {
            return false;
        }
        return oc.at("tools.elevated.allowFrom").orElse(null) instanceof Map<?, ?> from
                && from.values().stream().anyMatch(v -> v instanceof List<?> l && !l.isEmpty());
    }

    /** agents.defaults.sandbox.mode; "off" when unset (OpenClaw's audit: {@code defaultsSandbox?.mode ?? "off"}). */
    static String sandboxMode(OpenClawSettings oc) {
        return oc.choice("agents.defaults.sandbox.mode", "off", "off", "non-main", "all");
    }

    /** Every session of every agent runs sandboxed: mode "all" by default and in each agents.list override. */
    static boolean sandboxedEverywhere(OpenClawSettings oc) {
        if (!"all".equals(sandboxMode(oc))) {
            return false;
        }
        return !(oc.at("agents.list").orElse(null) instanceof List<?> agents) || agents.stream().allMatch(agent ->
                !(agent instanceof Map<?, ?> a && a.get("sandbox") instanceof Map<?, ?> sandbox && sandbox.containsKey("mode"))
                        || "all".equals(sandbox.get("mode")));
    }
}
