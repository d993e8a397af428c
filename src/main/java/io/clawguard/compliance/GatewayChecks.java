package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.monitor.ListeningSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway, OpenClaw's control plane: where it listens (config and the live socket), how it
 * authenticates, what it announces. Defaults and severities follow OpenClaw's own audit
 * (src/security/audit-gateway-config.ts): bind "loopback", tailscale.mode "off",
 * discovery.mdns.mode "minimal", funnel critical, a "*" control UI origin critical off loopback.
 */
final class GatewayChecks {
    /** gateway.port's default (OpenClaw's types.gateway.ts: "Single multiplexed port … default: 18789"). */
    static final int DEFAULT_PORT = 18789;
    /** Shorter tokens are guessable; OpenClaw's audit warns under 24, its onboarding writes 64 hex characters. */
    static final int MIN_TOKEN_CHARS = 32;
    /** OpenClaw's rate-limit defaults (types.gateway.ts): 10 failures a minute, then 5 minutes locked out. */
    private static final long DEFAULT_MAX_ATTEMPTS = 10;
    private static final long MIN_LOCKOUT_MS = 60_000;

    private GatewayChecks() {
    }

    static List<Check> all() {
        return List.of(
                OpenClawConfigCheck.of("gateway_loopback_only", GatewayChecks::loopback),
                OpenClawConfigCheck.of("gateway_auth_hardened", GatewayChecks::auth),
                OpenClawConfigCheck.of("gateway_discovery_minimised", GatewayChecks::discovery));
    }

    private static String bind(OpenClawSettings oc) {
        return oc.choice("gateway.bind", "loopback", "loopback", "lan", "tailnet", "auto", "custom");
    }

    /** loopback, or custom on a loopback host: the only binds nothing off this host can reach. */
    private static boolean onLoopback(OpenClawSettings oc) {
        String bind = bind(oc);
        String host = oc.at("gateway.customBindHost").map(String::valueOf).orElse("");
        return "loopback".equals(bind) || "custom".equals(bind) && (host.startsWith("127.") || "::1".equals(host)
                || "localhost".equals(host));
    }

    private static CheckResult.Draft loopback(Signals s, OpenClawSettings oc) {
        String bind = bind(oc);
        String tailscale = oc.choice("gateway.tailscale.mode", "off", "off", "serve", "funnel");
        long port = oc.number("gateway.port").orElse((long) DEFAULT_PORT);
        String config = oc.file() + ": gateway.bind = " + bind + ", gateway.tailscale.mode = " + tailscale + ", port " + port;
        String fix = "Set gateway.bind: \"loopback\" and gateway.tailscale.mode: \"off\" (or \"serve\") in " + oc.file()
                + ", restart the gateway, and reach it through SSH or the tailnet.";
        if (s.network().isEmpty()) {
            config += "; no socket scan, so the live bind was not compared";
        }
        List<ListeningSocket> exposed = s.network().map(scan -> scan.snapshot().listening().stream()
                .filter(l -> l.port() == port && !l.loopback()).toList()).orElse(List.of());
        if (!exposed.isEmpty()) {
            return violation("the gateway port listens beyond loopback: " + Evidence.list(exposed.stream()
                            .map(l -> l.key() + " (" + Evidence.value(l.process()) + ", pid " + l.pid() + ")").toList()),
                    config + "; live listener on port " + port, "the control plane is reachable from the network"
                            + ("loopback".equals(bind) ? " whatever the config says (another process, or a stale gateway)" : ""),
                    fix);
        }
        if ("funnel".equals(tailscale)) {
            return violation("the gateway is published to the internet by Tailscale Funnel", config,
                    "anyone on the internet can reach the control plane (OpenClaw's audit rates this critical)", fix);
        }
        if (!onLoopback(oc)) {
            return "tailnet".equals(bind)
                    ? partial("the gateway listens on the tailnet address", config, "every tailnet device can reach it", fix)
                    : violation("the gateway is bound to " + bind, config, "the control plane is reachable from the network",
                    fix);
        }
        if ("serve".equals(tailscale)) {
            return partial("the gateway is on loopback, served to the tailnet by Tailscale Serve", config,
                    "every tailnet device can reach it (and, with gateway.auth.allowTailscale, log in by identity alone)",
                    "Keep it if the tailnet is yours alone; otherwise set gateway.tailscale.mode: \"off\" in " + oc.file() + ".");
        }
        return compliant("the gateway listens on loopback only", config + (s.network().isPresent()
                ? "; no live listener beyond loopback on port " + port : ""));
    }

    private static CheckResult.Draft auth(Signals s, OpenClawSettings oc) {
        Map<String, String> env = s.openclawEnv();
        Optional<Object> token = oc.at("gateway.auth.token").or(() -> Optional.ofNullable(env.get("OPENCLAW_GATEWAY_TOKEN")));
        Optional<Object> password = oc.at("gateway.auth.password")
                .or(() -> Optional.ofNullable(env.get("OPENCLAW_GATEWAY_PASSWORD")));
        // OpenClaw's resolveGatewayAuth (src/gateway/auth-resolve.ts): an unset mode is "password" when a
        // password is set, else "token"; it is never "none" unless written.
        String mode = oc.choice("gateway.auth.mode", password.isPresent() ? "password" : "token",
                "token", "password", "none", "trusted-proxy");
        String where = oc.file() + " (gateway.auth) and " + s.openclawEnvFile();
        String fix = "Set gateway.auth.mode: \"token\" in " + oc.file() + " and OPENCLAW_GATEWAY_TOKEN=<a random token of at"
                + " least " + MIN_TOKEN_CHARS + " characters: openssl rand -hex 32> in " + s.openclawEnvFile()
                + " (mode 0600), remove gateway.auth.token (the config's token wins over the environment), then restart"
                + " the gateway.";
        if ("none".equals(mode)) {
            return violation("the gateway authenticates nobody", where + ": gateway.auth.mode = none",
                    "any client that reaches the port drives the agent", fix);
        }
        if ("trusted-proxy".equals(mode)) {
            return partial("authentication is delegated to a reverse proxy", where + ": gateway.auth.mode = trusted-proxy",
                    "ClawGuard cannot see whether the proxy authenticates (OpenClaw's audit flags this critical)", fix);
        }
        Optional<Object> secret = "token".equals(mode) ? token : password;
        if (secret.isEmpty() || secret.get() instanceof String t && t.isBlank()) {
            return violation(mode + " authentication without a " + mode, where + ": gateway.auth.mode = " + mode
                    + ", no gateway.auth." + mode + " nor OPENCLAW_GATEWAY_" + mode.toUpperCase(java.util.Locale.ROOT),
                    "the gateway has no secret to check (OpenClaw's audit: gateway auth missing)", fix);
        }
        if (!(secret.get() instanceof String value)) {
            return notAssessed("the " + mode + " is a secret reference ClawGuard does not resolve",
                    where + ": gateway.auth." + mode + " is " + Evidence.value(secret.get()));
        }
        String strength = where + ": gateway.auth.mode = " + mode + ", " + mode + " of " + value.strip().length()
                + " characters";
        if ("token".equals(mode) && value.strip().length() < MIN_TOKEN_CHARS) {
            return partial("the gateway token is short", strength, "fewer than " + MIN_TOKEN_CHARS
                    + " characters can be guessed", fix);
        }
        long maxAttempts = oc.number("gateway.auth.rateLimit.maxAttempts").orElse(DEFAULT_MAX_ATTEMPTS);
        long lockoutMs = oc.number("gateway.auth.rateLimit.lockoutMs").orElse(300_000L);
        String limit = "; gateway.auth.rateLimit maxAttempts " + maxAttempts + ", lockoutMs " + lockoutMs
                + " (the gateway always rate-limits; these are its defaults unless set)";
        if (maxAttempts > 2 * DEFAULT_MAX_ATTEMPTS || lockoutMs < MIN_LOCKOUT_MS) {
            return partial("failed logins are barely rate-limited", strength + limit, "a brute force is slowed little",
                    "Remove gateway.auth.rateLimit from " + oc.file() + " (defaults: 10 attempts a minute, 5 minutes"
                            + " lockout) or keep maxAttempts ≤ 20 and lockoutMs ≥ 60000.");
        }
        return compliant("the gateway requires a " + mode + " and rate-limits failures", strength + limit);
    }

    private static CheckResult.Draft discovery(Signals s, OpenClawSettings oc) {
        String mdns = oc.choice("discovery.mdns.mode", "minimal", "off", "minimal", "full");
        List<String> origins = oc.strings("gateway.controlUi.allowedOrigins");
        boolean ui = oc.flag("gateway.controlUi.enabled", true);
        boolean hostHeader = oc.flag("gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", false);
        boolean loopback = onLoopback(oc);
        String evidence = oc.file() + ": discovery.mdns.mode = " + mdns + ", gateway.controlUi.enabled = " + ui
                + ", allowedOrigins = " + (origins.isEmpty() ? "none" : Evidence.list(origins.stream().map(Evidence::value).toList()))
                + (hostHeader ? ", dangerouslyAllowHostHeaderOriginFallback = true" : "");
        String fix = "In " + oc.file() + ", set discovery.mdns.mode: \"off\" (or \"minimal\"), list the exact origins in"
                + " gateway.controlUi.allowedOrigins (no \"*\") and remove dangerouslyAllowHostHeaderOriginFallback.";
        if ("full".equals(mdns)) {
            return violation("mDNS announces the gateway in full", evidence,
                    "the LAN learns the CLI path and SSH port (usernames, layout)", fix);
        }
        if (ui && (origins.contains("*") || hostHeader || !loopback && origins.isEmpty())) {
            return violation("the control UI accepts " + (origins.contains("*") ? "any origin (\"*\")" : hostHeader
                    ? "origins derived from the Host header" : "unlisted origins off loopback"), evidence,
                    "a web page elsewhere can drive the control UI (DNS rebinding, cross-site requests)", fix);
        }
        if ("minimal".equals(mdns) && !loopback) {
            return partial("mDNS announces a gateway that listens beyond loopback", evidence,
                    "the LAN is told where to find it", fix);
        }
        return compliant("mDNS is " + mdns + " and the control UI accepts only listed origins", evidence);
    }
}
