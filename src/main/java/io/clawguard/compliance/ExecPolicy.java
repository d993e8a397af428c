package io.clawguard.compliance;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One exec policy in force: tools.exec, or an agent's tools.exec override laid over it, made
 * stricter by the host's own approvals file. OpenClaw's rule (docs.openclaw.ai/tools/exec-approvals):
 * "Effective policy is the stricter of tools.exec.* and approvals defaults" kept in
 * ~/.openclaw/exec-approvals.json. Unset keys take OpenClaw's defaults: ask on-miss, askFallback deny,
 * autoAllowSkills false (that page), and security allowlist, the looser of its defaults (host exec;
 * a sandbox defaults to deny), so an unset key is never judged stricter than it may be.
 */
record ExecPolicy(String where, String security, String ask, String fallback, boolean skills, boolean tightened) {
    private static final List<String> SECURITY = List.of("deny", "allowlist", "full");
    private static final List<String> ASK = List.of("always", "on-miss", "off");
    private static final ExecPolicy OPENCLAW_DEFAULTS = new ExecPolicy("", "allowlist", "on-miss", "deny", false, false);

    /** tools.exec, then each agents.list entry that overrides it (an agent may loosen what tools.exec holds). */
    static List<ExecPolicy> inForce(OpenClawSettings oc, Path approvalsFile) {
        Map<?, ?> host = hostDefaults(approvalsFile);
        ExecPolicy global = of("tools.exec", oc.at("tools.exec").filter(Map.class::isInstance).map(Map.class::cast)
                .orElse(Map.of()), OPENCLAW_DEFAULTS);
        List<ExecPolicy> out = new ArrayList<>(List.of(global.stricter(host)));
        if (oc.at("agents.list").orElse(null) instanceof List<?> agents) {
            for (int i = 0; i < agents.size(); i++) {
                if (agents.get(i) instanceof Map<?, ?> agent && agent.get("tools") instanceof Map<?, ?> tools
                        && tools.get("exec") instanceof Map<?, ?> exec) {
                    out.add(of("agents.list[" + i + "] (" + Evidence.value(agent.get("id")) + ").tools.exec", exec, global)
                            .stricter(host));
                }
            }
        }
        return out;
    }

    private static ExecPolicy of(String where, Map<?, ?> exec, ExecPolicy base) {
        Object skills = exec.get("autoAllowSkills");
        if (skills != null && !(skills instanceof Boolean)) {
            throw new OpenClawSettings.BadSetting(where + ".autoAllowSkills", skills, "not true or false");
        }
        return new ExecPolicy(where,
                OpenClawSettings.choice(exec, where + ".security", "security", base.security(), "deny", "allowlist", "full"),
                OpenClawSettings.choice(exec, where + ".ask", "ask", base.ask(), "off", "on-miss", "always"),
                OpenClawSettings.choice(exec, where + ".askFallback", "askFallback", base.fallback(), "deny", "allowlist",
                        "full"),
                skills == null ? base.skills() : (Boolean) skills, false);
    }

    /**
     * exec-approvals.json's defaults; empty when the file is missing or unusable, since it can only
     * tighten: ignoring it never hides a loose setting, it can only miss a stricter one.
     */
    private static Map<?, ?> hostDefaults(Path file) {
        try {
            return JsonValues.parse(new String(BoundedFile.read(file), StandardCharsets.UTF_8)) instanceof Map<?, ?> doc
                    && doc.get("defaults") instanceof Map<?, ?> defaults ? defaults : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private ExecPolicy stricter(Map<?, ?> host) {
        String s = min(SECURITY, security, host.get("security"));
        String a = min(ASK, ask, host.get("ask"));
        String f = min(SECURITY, fallback, host.get("askFallback"));
        boolean k = skills && !Boolean.FALSE.equals(host.get("autoAllowSkills"));
        boolean changed = !s.equals(security) || !a.equals(ask) || !f.equals(fallback) || k != skills;
        return new ExecPolicy(where, s, a, f, k, changed);
    }

    /** The stricter of two values, strictest first in {@code order}; a value the host file gets wrong is ignored. */
    private static String min(List<String> order, String mine, Object host) {
        int other = order.indexOf(host instanceof String h ? h : "");
        return other >= 0 && other < order.indexOf(mine) ? order.get(other) : mine;
    }

    @Override
    public String toString() {
        return where + " {security " + security + ", ask " + ask + ", askFallback " + fallback + ", autoAllowSkills "
                + skills + (tightened ? ", tightened by exec-approvals.json" : "") + "}";
    }
}
