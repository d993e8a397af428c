package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notApplicable;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can reach the agent through chat channels: each channel account is judged with its
 * effective settings ({@link OpenClawSettings#channels()}), so an open policy set in
 * {@code channels.defaults} or in one account is found where it applies. Defaults are OpenClaw's:
 * dmPolicy "pairing", groupPolicy "allowlist" (its channel plugins: {@code dmPolicy ?? "pairing"},
 * {@code groupPolicy ?? channels.defaults.groupPolicy ?? "allowlist"}). No channel at all makes
 * these checks moot: nobody can write to an agent that listens nowhere.
 */
final class ChannelChecks {
    private static final String[] DM_POLICIES = {"pairing", "allowlist", "open", "disabled"};
    private static final String[] GROUP_POLICIES = {"allowlist", "open", "disabled"};

    private ChannelChecks() {
    }

    static List<Check> all() {
        return List.of(
                OpenClawConfigCheck.of("channel_allowlist_configured", ChannelChecks::allowlists),
                OpenClawConfigCheck.of("group_mentions_required", ChannelChecks::mentions),
                OpenClawConfigCheck.of("group_tool_exposure", ChannelChecks::toolExposure));
    }

    private static CheckResult.Draft noChannels(OpenClawSettings oc) {
        return notApplicable("no channels configured", oc.file() + ": channels has no enabled channel");
    }

    private static CheckResult.Draft allowlists(Signals s, OpenClawSettings oc) {
        List<OpenClawSettings.Channel> channels = oc.channels();
        if (channels.isEmpty()) {
            return noChannels(oc);
        }
        List<String> open = new ArrayList<>();
        List<String> pairing = new ArrayList<>();
        for (OpenClawSettings.Channel c : channels) {
            String policy = c.choice("dmPolicy", "pairing", DM_POLICIES);
            boolean wildcard = c.get("allowFrom").orElse(null) instanceof List<?> l && l.contains("*");
            if ("open".equals(policy) || wildcard && !"disabled".equals(policy)) {
                open.add(c.name() + " (" + c.path() + ".dmPolicy = " + policy + (wildcard ? ", allowFrom has \"*\")" : ")"));
            } else if ("pairing".equals(policy)) {
                pairing.add(c.name());
            }
        }
        String evidence = oc.file() + ": channels " + Evidence.list(channels.stream().map(OpenClawSettings.Channel::name).toList());
        if (!open.isEmpty()) {
            return violation("direct messages open to anyone: " + Evidence.list(open), evidence,
                    "any sender can instruct the agent", "In " + oc.file() + ", set dmPolicy: \"allowlist\" with explicit"
                            + " allowFrom (no \"*\") for " + Evidence.list(open) + "; an account inherits channels.defaults and"
                            + " its channel, so fix the level named.");
        }
        if (!pairing.isEmpty()) {
            return partial("channel accounts that accept pairing requests (OpenClaw's default): " + Evidence.list(pairing),
                    evidence, "unknown senders can ask for access", "Once users are paired, set dmPolicy: \"allowlist\""
                            + " with allowFrom for " + Evidence.list(pairing) + " in " + oc.file() + ".");
        }
        return compliant("every channel account allow-lists its senders or refuses direct messages", evidence);
    }

    private static CheckResult.Draft mentions(Signals s, OpenClawSettings oc) {
        List<OpenClawSettings.Channel> channels = oc.channels();
        if (channels.isEmpty()) {
            return noChannels(oc);
        }
        List<String> unmentioned = new ArrayList<>();
        List<String> openGroups = new ArrayList<>();
        // An account inherits its channel's groups: each group is named once, where it is first written.
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (OpenClawSettings.Channel c : channels) {
            if ("open".equals(c.choice("groupPolicy", "allowlist", GROUP_POLICIES))) {
                openGroups.add(c.name());
            }
            if (c.get("groups").orElse(null) instanceof Map<?, ?> groups) {
                groups.forEach((group, settings) -> {
                    if (settings instanceof Map<?, ?> g && seen.add(g) && Boolean.FALSE.equals(g.get("requireMention"))) {
                        unmentioned.add(c.path() + ".groups." + Evidence.value(group));
                    }
                });
            }
        }
        String evidence = oc.file() + ": groupPolicy and groups.*.requireMention of " + Evidence.list(channels.stream()
                .map(OpenClawSettings.Channel::name).toList());
        if (!unmentioned.isEmpty()) {
            return violation("groups where the agent answers without a mention: " + Evidence.list(unmentioned), evidence,
                    "anyone in those groups can steer the agent", "Set requireMention: true for " + Evidence.list(unmentioned)
                            + " in " + oc.file() + ".");
        }
        if (!openGroups.isEmpty()) {
            return partial("channel accounts with an open group policy: " + Evidence.list(openGroups), evidence,
                    "any group can add the bot (a mention is still required)", "Set groupPolicy: \"allowlist\" with"
                            + " groupAllowFrom for " + Evidence.list(openGroups) + " in " + oc.file() + " (or in"
                            + " channels.defaults when it is set there).");
        }
        return compliant("group chats are allow-listed and need a mention (OpenClaw's default)", evidence);
    }

    private static CheckResult.Draft toolExposure(Signals s, OpenClawSettings oc) {
        List<OpenClawSettings.Channel> channels = oc.channels();
        if (channels.isEmpty()) {
            return noChannels(oc);
        }
        List<String> open = channels.stream().filter(c -> "open".equals(c.choice("groupPolicy", "allowlist", GROUP_POLICIES)))
                .map(OpenClawSettings.Channel::name).toList();
        List<String> runtime = ToolReach.runtimeTools(oc);
        boolean elevated = ToolReach.elevatedReachable(oc);
        boolean sandboxed = ToolReach.sandboxedEverywhere(oc);
        String evidence = oc.file() + ": open groups " + (open.isEmpty() ? "none" : Evidence.list(open)) + "; runtime tools "
                + runtime + " (tools.profile/allow/deny); tools.elevated " + (elevated ? "reachable" : "off or allow-listed"
                + " to nobody") + "; sandbox " + (sandboxed ? "mode all for every agent" : "off for some sessions"
                + " (agents.defaults.sandbox.mode = " + ToolReach.sandboxMode(oc) + ", or an agents.list override)");
        if (open.isEmpty()) {
            return compliant("no channel account has an open group policy", evidence);
        }
        String fix = "Set groupPolicy: \"allowlist\" for " + Evidence.list(open) + " in " + oc.file()
                + ", or deny the tools to group sessions (tools.deny: [\"group:runtime\"], tools.elevated.enabled: false).";
        if (elevated || !runtime.isEmpty() && !sandboxed) {
            return violation("open groups reach " + (elevated ? "elevated exec" : "") + (elevated && !runtime.isEmpty()
                    ? " and " : "") + (runtime.isEmpty() ? "" : runtime + " on the host"), evidence,
                    "a prompt injected by any group member can become a shell command", fix);
        }
        if (!runtime.isEmpty()) {
            return partial("open groups reach " + runtime + ", confined to the sandbox (mode all)", evidence,
                    "group members can run commands inside the sandbox", fix);
        }
        return compliant("open groups reach no elevated or runtime tool", evidence);
    }
}
