package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks of OpenClaw's own settings (openclaw.json); without the file they are not assessed. */
final class OpenClawChecks {
    private OpenClawChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of("channel_allowlist_configured", OpenClawChecks::channelAllowlists),
                Check.of("group_mentions_required", OpenClawChecks::groupMentions),
                Check.of("gateway_loopback_only", OpenClawChecks::gateway),
                Check.of("update_hygiene", OpenClawChecks::version));
    }

    private static CheckResult.Draft channelAllowlists(Signals s) {
        OpenClawSettings oc = s.openclaw();
        if (!oc.present()) {
            return notAssessed(oc.problem(), s.openclawConfigFile().toString());
        }
        List<String> open = new ArrayList<>();
        List<String> pairing = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> c : oc.channels()) {
            Object policy = c.getValue().getOrDefault("dmPolicy", "pairing");
            Object allowFrom = c.getValue().get("allowFrom");
            boolean wildcard = allowFrom instanceof List<?> l && l.contains("*");
            if ("open".equals(policy) || wildcard) {
                open.add(c.getKey());
            } else if ("pairing".equals(policy)) {
                pairing.add(c.getKey());
            }
        }
        String evidence = s.openclawConfigFile() + ": channels " + oc.channels().stream().map(Map.Entry::getKey).toList();
        if (!open.isEmpty()) {
            return violation("channels open to anyone: " + open, evidence, "any sender can instruct the agent",
                    "Set dmPolicy to \"allowlist\" with explicit allowFrom for " + open + " in " + s.openclawConfigFile() + ".");
        }
        if (!pairing.isEmpty()) {
            return partial("channels that accept pairing requests: " + pairing, evidence,
                    "unknown senders can ask for access", "Use dmPolicy \"allowlist\" with allowFrom once users are paired.");
        }
        return compliant(oc.channels().isEmpty() ? "no inbound channels configured" : "every channel allow-lists its senders",
                evidence);
    }

    private static CheckResult.Draft groupMentions(Signals s) {
        OpenClawSettings oc = s.openclaw();
        if (!oc.present()) {
            return notAssessed(oc.problem(), s.openclawConfigFile().toString());
        }
        List<String> unmentioned = new ArrayList<>();
        List<String> openGroups = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> c : oc.channels()) {
            if ("open".equals(c.getValue().get("groupPolicy"))) {
                openGroups.add(c.getKey());
            }
            if (c.getValue().get("groups") instanceof Map<?, ?> groups) {
                groups.forEach((group, settings) -> {
                    if (settings instanceof Map<?, ?> g && Boolean.FALSE.equals(g.get("requireMention"))) {
                        unmentioned.add(c.getKey() + "/" + group);
                    }
                });
            }
        }
        String evidence = s.openclawConfigFile() + ": channels.*.groups.*.requireMention, channels.*.groupPolicy";
        if (!unmentioned.isEmpty()) {
            return violation("groups where the agent answers without a mention: " + unmentioned, evidence,
                    "anyone in those groups can steer the agent", "Set requireMention: true for " + unmentioned + ".");
        }
        if (!openGroups.isEmpty()) {
            return partial("channels with an open group policy: " + openGroups, evidence,
                    "any group can add the bot (mentions still required)", "Set groupPolicy to \"allowlist\".");
        }
        return compliant("group chats need a mention (the default)", evidence);
    }

    private static CheckResult.Draft gateway(Signals s) {
        OpenClawSettings oc = s.openclaw();
        if (!oc.present()) {
            return notAssessed(oc.problem(), s.openclawConfigFile().toString());
        }
        String bind = oc.text("gateway.bind").orElse("loopback");
        String auth = oc.text("gateway.auth.mode").orElse(oc.at("gateway.auth.token").isPresent() ? "token" : "none");
        String evidence = s.openclawConfigFile() + ": gateway.bind = " + bind + ", gateway.auth.mode = " + auth;
        boolean loopback = bind.equals("loopback") || bind.equals("127.0.0.1") || bind.equals("::1");
        boolean authenticated = auth.equals("token") || auth.equals("password");
        if (loopback && authenticated) {
            return compliant("the gateway listens on loopback with " + auth + " authentication", evidence);
        }
        String fix = "Set gateway.bind to \"loopback\" and gateway.auth.mode to \"token\" in " + s.openclawConfigFile()
                + "; reach it through SSH or a tunnel.";
        return loopback ? partial("the gateway is on loopback without authentication", evidence,
                "any local process can drive the agent", fix)
                : violation("the gateway is bound to " + bind, evidence, "the agent's control plane is reachable from"
                + " the network", fix);
    }

    private static CheckResult.Draft version(Signals s) {
        OpenClawSettings oc = s.openclaw();
        if (!oc.present()) {
            return notAssessed(oc.problem(), s.openclawConfigFile().toString());
        }
        Optional<String> v = oc.text("meta.lastTouchedVersion");
        return v.map(version -> compliant("OpenClaw " + version + " is recorded", s.openclawConfigFile()
                        + ": meta.lastTouchedVersion = " + version + " (" + oc.text("meta.lastTouchedAt").orElse("no date") + ")"))
                .orElse(partial("the OpenClaw version is not recorded", s.openclawConfigFile()
                        + ": no meta.lastTouchedVersion", "updates cannot be tracked",
                        "Run openclaw doctor (it records the version) and keep OpenClaw current."));
    }
}
