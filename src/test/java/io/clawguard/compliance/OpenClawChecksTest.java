package io.clawguard.compliance;

import static io.clawguard.compliance.CheckCases.c;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of OpenClaw's state (openclaw.json, .env, its state folder) against prepared homes:
 * every status each check can give, then files written by an attacker.
 */
class OpenClawChecksTest {
    private static final String LONG_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String OPEN_GROUPS = "channels: {telegram: {groupPolicy: 'open'}}";


    static Stream<Arguments> cases() {
        return Stream.of(channelCases(), gatewayCases(), agentToolCases(), updateCases(), secretsCases(), sessionCases())
                .flatMap(s -> s);
    }

    static Stream<Arguments> channelCases() {
        return Stream.of(
                c("channel_allowlist_configured", Status.COMPLIANT, "allow-lists its senders", h -> h.openclaw(
                        "{ // json5\n channels: { telegram: { dmPolicy: 'allowlist', allowFrom: ['123'], }, }, }")),
                c("channel_allowlist_configured", Status.PARTIAL, "pairing", h -> h.openclaw("{channels: {whatsapp: {}}}")),
                c("channel_allowlist_configured", Status.VIOLATION, "open to anyone",
                        h -> h.openclaw("{channels: {discord: {dmPolicy: 'open', allowFrom: ['*']}}}")),
                c("channel_allowlist_configured", Status.VIOLATION, "channels.telegram.dmPolicy = open",
                        h -> h.openclaw("{channels: {defaults: {dmPolicy: 'open'}, telegram: {}}}")),
                c("channel_allowlist_configured", Status.VIOLATION, "telegram/work", h -> h.openclaw("{channels: {telegram:"
                        + " {dmPolicy: 'allowlist', allowFrom: ['1'], accounts: {work: {dmPolicy: 'open'}}}}}")),
                c("channel_allowlist_configured", Status.VIOLATION, "allowFrom has", h -> h.openclaw(
                        "{channels: {signal: {dmPolicy: 'allowlist', allowFrom: ['*']}}}")),
                c("channel_allowlist_configured", Status.NOT_APPLICABLE, "no channels configured", h -> h.openclaw("{}")),
                c("channel_allowlist_configured", Status.NOT_APPLICABLE, "no channels configured",
                        h -> h.openclaw("{channels: {defaults: {dmPolicy: 'open'}, telegram: {enabled: false, dmPolicy: 'open'}}}")),
                c("channel_allowlist_configured", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("channel_allowlist_configured", Status.ERROR, "invalid JSON5 at line", h -> h.openclaw("{channels: ")),
                c("channel_allowlist_configured", Status.ERROR, "not one of", h -> h.openclaw(
                        "{channels: {telegram: {dmPolicy: 'opne'}}}")),
                c("group_mentions_required", Status.COMPLIANT, "need a mention",
                        h -> h.openclaw("{channels: {telegram: {groups: {'*': {requireMention: true}}}}}")),
                c("group_mentions_required", Status.PARTIAL, "open group policy",
                        h -> h.openclaw("{channels: {defaults: {groupPolicy: 'open'}, telegram: {}}}")),
                c("group_mentions_required", Status.VIOLATION, "channels.whatsapp.accounts.team.groups.family",
                        h -> h.openclaw("{channels: {whatsapp: {accounts: {team: {groups: {family: {requireMention: false}}}}}}}")),
                c("group_mentions_required", Status.NOT_APPLICABLE, "no channels", h -> h.openclaw("{channels: {}}")),
                c("group_mentions_required", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("group_mentions_required", Status.ERROR, "groupPolicy", h -> h.openclaw(
                        "{channels: {telegram: {groupPolicy: 42}}}")),
                c("group_tool_exposure", Status.COMPLIANT, "no channel account has an open group",
                        h -> h.openclaw("{channels: {telegram: {}}}")),
                c("group_tool_exposure", Status.COMPLIANT, "reach no elevated or runtime tool",
                        h -> h.openclaw("{tools: {profile: 'messaging'}, " + OPEN_GROUPS + "}")),
                c("group_tool_exposure", Status.VIOLATION, "[exec, process] on the host", h -> h.openclaw(
                        "{channels: {telegram: {accounts: {public: {groupPolicy: 'open'}}}}}")),
                c("group_tool_exposure", Status.VIOLATION, "elevated exec", h -> h.openclaw("{tools: {deny: ['group:runtime'],"
                        + " elevated: {allowFrom: {telegram: ['42']}}}, " + OPEN_GROUPS + "}")),
                c("group_tool_exposure", Status.PARTIAL, "confined to the sandbox", h -> h.openclaw(
                        "{agents: {defaults: {sandbox: {mode: 'all'}}}, " + OPEN_GROUPS + "}")),
                c("group_tool_exposure", Status.VIOLATION, "off for some sessions", h -> h.openclaw("{agents: {defaults:"
                        + " {sandbox: {mode: 'all'}}, list: [{id: 'ops', sandbox: {mode: 'non-main'}}]}, " + OPEN_GROUPS + "}")),
                c("group_tool_exposure", Status.NOT_APPLICABLE, "no channels", h -> h.openclaw("{}")),
                c("group_tool_exposure", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("group_tool_exposure", Status.ERROR, "tools.profile", h -> h.openclaw(
                        "{tools: {profile: 'everything'}, " + OPEN_GROUPS + "}")));
    }

    static Stream<Arguments> gatewayCases() {
        return Stream.of(
                c("gateway_loopback_only", Status.COMPLIANT, "no live listener beyond loopback on port 18789", h -> {
                    h.openclaw("{}");
                    h.listening.add(PreparedHome.listener("127.0.0.1", 18789, "openclaw-gateway"));
                }),
                c("gateway_loopback_only", Status.COMPLIANT, "no socket scan", h -> {
                    h.openclaw("{gateway: {bind: 'custom', customBindHost: '127.0.0.1'}}");
                    h.scanned = false;
                }),
                c("gateway_loopback_only", Status.PARTIAL, "Tailscale Serve", h -> h.openclaw("{gateway: {tailscale: {mode: 'serve'}}}")),
                c("gateway_loopback_only", Status.PARTIAL, "tailnet address", h -> h.openclaw("{gateway: {bind: 'tailnet'}}")),
                c("gateway_loopback_only", Status.VIOLATION, "bound to lan", h -> h.openclaw("{gateway: {bind: 'lan'}}")),
                c("gateway_loopback_only", Status.VIOLATION, "Funnel", h -> h.openclaw("{gateway: {tailscale: {mode: 'funnel'}}}")),
                c("gateway_loopback_only", Status.VIOLATION, "0.0.0.0:18789 (node", h -> {
                    h.openclaw("{gateway: {bind: 'loopback'}}");
                    h.listening.add(PreparedHome.listener("0.0.0.0", 18789, "node"));
                }),
                c("gateway_loopback_only", Status.VIOLATION, "10.0.0.5:9999", h -> {
                    h.openclaw("{gateway: {port: 9999}}");
                    h.listening.add(PreparedHome.listener("10.0.0.5", 9999, "openclaw"));
                }),
                c("gateway_loopback_only", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("gateway_loopback_only", Status.ERROR, "gateway.bind", h -> h.openclaw("{gateway: {bind: 'everywhere'}}")),
                c("gateway_auth_hardened", Status.COMPLIANT, "requires a token", h -> h.openclaw(
                        "{gateway: {auth: {mode: 'token', token: '" + LONG_TOKEN + "'}}}")),
                c("gateway_auth_hardened", Status.COMPLIANT, "token of 48 characters", h -> {
                    h.openclaw("{}");
                    h.file(h.openclawDir.resolve(".env"), "OPENCLAW_GATEWAY_TOKEN=" + LONG_TOKEN + "\n");
                }),
                c("gateway_auth_hardened", Status.COMPLIANT, "requires a password", h -> h.openclaw(
                        "{gateway: {auth: {password: 'correct horse battery staple'}}}")),
                c("gateway_auth_hardened", Status.VIOLATION, "authenticates nobody", h -> h.openclaw("{gateway: {auth: {mode: 'none'}}}")),
                c("gateway_auth_hardened", Status.VIOLATION, "token authentication without a token", h -> h.openclaw("{}")),
                c("gateway_auth_hardened", Status.PARTIAL, "token is short", h -> h.openclaw("{gateway: {auth: {token: 'abc'}}}")),
                c("gateway_auth_hardened", Status.PARTIAL, "reverse proxy", h -> h.openclaw(
                        "{gateway: {auth: {mode: 'trusted-proxy'}}}")),
                c("gateway_auth_hardened", Status.PARTIAL, "barely rate-limited", h -> h.openclaw(
                        "{gateway: {auth: {token: '" + LONG_TOKEN + "', rateLimit: {maxAttempts: 1000}}}}")),
                c("gateway_auth_hardened", Status.NOT_ASSESSED, "secret reference", h -> h.openclaw(
                        "{gateway: {auth: {token: {source: 'env', provider: 'default', id: 'GW_TOKEN'}}}}")),
                c("gateway_auth_hardened", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("gateway_auth_hardened", Status.ERROR, "gateway.auth.mode", h -> h.openclaw("{gateway: {auth: {mode: 'magic'}}}")),
                c("gateway_auth_hardened", Status.ERROR, "not a number", h -> h.openclaw(
                        "{gateway: {auth: {token: '" + LONG_TOKEN + "', rateLimit: {maxAttempts: 'many'}}}}")),
                c("gateway_discovery_minimised", Status.COMPLIANT, "mDNS is minimal", h -> h.openclaw("{}")),
                c("gateway_discovery_minimised", Status.COMPLIANT, "mDNS is off", h -> h.openclaw("{discovery: {mdns:"
                        + " {mode: 'off'}}, gateway: {bind: 'lan', controlUi: {allowedOrigins: ['https://ops.example']}}}")),
                c("gateway_discovery_minimised", Status.PARTIAL, "announces a gateway", h -> h.openclaw(
                        "{gateway: {bind: 'lan', controlUi: {allowedOrigins: ['https://ops.example']}}}")),
                c("gateway_discovery_minimised", Status.VIOLATION, "in full", h -> h.openclaw("{discovery: {mdns: {mode: 'full'}}}")),
                c("gateway_discovery_minimised", Status.VIOLATION, "any origin", h -> h.openclaw(
                        "{gateway: {controlUi: {allowedOrigins: ['*']}}}")),
                c("gateway_discovery_minimised", Status.VIOLATION, "unlisted origins off loopback",
                        h -> h.openclaw("{gateway: {bind: 'lan'}}")),
                c("gateway_discovery_minimised", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("gateway_discovery_minimised", Status.ERROR, "discovery.mdns.mode", h -> h.openclaw(
                        "{discovery: {mdns: {mode: 'loud'}}}")));
    }

    static Stream<Arguments> agentToolCases() {
        return Stream.of(
                c("openclaw_exec_approvals", Status.COMPLIANT, "unanswered prompts denied", h -> h.openclaw("{}")),
                c("openclaw_exec_approvals", Status.COMPLIANT, "denied", h -> h.openclaw("{tools: {exec: {security: 'deny'}}}")),
                c("openclaw_exec_approvals", Status.VIOLATION, "security is full", h -> h.openclaw(
                        "{tools: {exec: {security: 'full'}}}")),
                c("openclaw_exec_approvals", Status.VIOLATION, "askFallback is full", h -> h.openclaw(
                        "{tools: {exec: {askFallback: 'full'}}}")),
                c("openclaw_exec_approvals", Status.VIOLATION, "defaults to full", h -> h.openclaw("{tools: {elevated:"
                        + " {allowFrom: {discord: ['1']}}}, agents: {defaults: {elevatedDefault: 'full'}}}")),
                c("openclaw_exec_approvals", Status.VIOLATION, "agents.list[0] (ops).tools.exec.security is full",
                        h -> h.openclaw("{tools: {exec: {security: 'deny'}}, agents: {list: [{id: 'ops', tools: {exec:"
                                + " {security: 'full'}}}]}}")),
                c("openclaw_exec_approvals", Status.ERROR, "agents.list[0] (ops).tools.exec.autoAllowSkills",
                        h -> h.openclaw("{agents: {list: [{id: 'ops', tools: {exec: {autoAllowSkills: 'yes'}}}]}}")),
                c("openclaw_exec_approvals", Status.COMPLIANT, "tightened by exec-approvals.json", h -> h.openclaw(
                        "{tools: {exec: {security: 'full'}}}").file(h.openclawDir.resolve("exec-approvals.json"),
                        "{\"version\": 1, \"defaults\": {\"security\": \"allowlist\", \"autoAllowSkills\": false}}")),
                c("openclaw_exec_approvals", Status.VIOLATION, "security full", h -> h.openclaw(
                        "{tools: {exec: {security: 'full'}}}").file(h.openclawDir.resolve("exec-approvals.json"),
                        "{\"defaults\": {\"security\": \"allowlist\"")),
                c("openclaw_exec_approvals", Status.PARTIAL, "autoAllowSkills", h -> h.openclaw(
                        "{tools: {exec: {autoAllowSkills: true}}}")),
                c("openclaw_exec_approvals", Status.PARTIAL, "ask is off", h -> h.openclaw("{tools: {exec: {ask: 'off'}}}")),
                c("openclaw_exec_approvals", Status.PARTIAL, "elevated exec is usable", h -> h.openclaw(
                        "{tools: {elevated: {allowFrom: {whatsapp: ['+15555550123']}}}}")),
                c("openclaw_exec_approvals", Status.COMPLIANT, "elevated off", h -> h.openclaw(
                        "{tools: {elevated: {enabled: false, allowFrom: {whatsapp: ['+15555550123']}}}}")),
                c("openclaw_exec_approvals", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("openclaw_exec_approvals", Status.ERROR, "tools.exec.security", h -> h.openclaw(
                        "{tools: {exec: {security: 'yolo'}}}")),
                c("openclaw_sandbox_enabled", Status.COMPLIANT, "without dangerous mounts", h -> h.openclaw("{agents: {defaults:"
                        + " {sandbox: {mode: 'all', docker: {binds: ['/srv/project:/project:ro'], network: 'none'}}}}}")),
                c("openclaw_sandbox_enabled", Status.PARTIAL, "main session runs on the host", h -> h.openclaw(
                        "{agents: {defaults: {sandbox: {mode: 'non-main'}}}}")),
                c("openclaw_sandbox_enabled", Status.PARTIAL, "relative source", h -> h.openclaw(
                        "{agents: {defaults: {sandbox: {mode: 'all', docker: {binds: ['data:/data']}}}}}")),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "OpenClaw's default is off", h -> h.openclaw("{}")),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "whole host", h -> h.openclaw(sandboxBind("/:/host"))),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "lies in /var/run",
                        h -> h.openclaw(sandboxBind("/var/run/docker.sock:/var/run/docker.sock"))),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "covers /var/run", h -> h.openclaw(sandboxBind("/var:/v"))),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "lies in /etc", h -> h.openclaw(sandboxBind("/srv/../etc/ssh:/x:ro"))),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "agent's home", h -> h.openclaw(sandboxBind(
                        h.openclawDir.getParent() + ":/home"))),
                c("openclaw_sandbox_enabled", Status.VIOLATION, ".ssh", h -> h.openclaw(sandboxBind(
                        h.openclawDir.getParent().resolve(".ssh") + ":/keys:ro"))),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "network = host", h -> h.openclaw(
                        "{agents: {defaults: {sandbox: {mode: 'all', docker: {network: 'host'}}}}}")),
                c("openclaw_sandbox_enabled", Status.VIOLATION, "agents.list[0] (ops).sandbox.mode = off", h -> h.openclaw(
                        "{agents: {defaults: {sandbox: {mode: 'all'}}, list: [{id: 'ops', sandbox: {mode: 'off'}}]}}")),
                c("openclaw_sandbox_enabled", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("openclaw_sandbox_enabled", Status.ERROR, "sandbox.mode", h -> h.openclaw(
                        "{agents: {defaults: {sandbox: {mode: 'sometimes'}}}}")),
                c("logging_redaction_enabled", Status.COMPLIANT, "OpenClaw's default", h -> h.openclaw("{}")),
                c("logging_redaction_enabled", Status.VIOLATION, "redaction is off", h -> h.openclaw(
                        "{logging: {redactSensitive: 'off'}}")),
                c("logging_redaction_enabled", Status.PARTIAL, "no pattern", h -> h.openclaw("{logging: {redactPatterns: []}}")),
                c("logging_redaction_enabled", Status.NOT_ASSESSED, "does not exist", h -> { }),
                c("logging_redaction_enabled", Status.ERROR, "logging.redactSensitive", h -> h.openclaw(
                        "{logging: {redactSensitive: 'all'}}")));
    }

    private static String sandboxBind(String bind) {
        return "{agents: {defaults: {sandbox: {mode: 'all', docker: {binds: ['" + bind + "']}}}}}";
    }

    /** The assessment runs at {@link PreparedHome#NOW}, 2026-11-24. */
    static Stream<Arguments> updateCases() {
        return Stream.of(
                c("update_hygiene", Status.COMPLIANT, "OpenClaw 2026.11.3", h -> version(h, "'2026.11.3'")),
                c("update_hygiene", Status.COMPLIANT, "a prerelease", h -> version(h, "'2026.9.1-beta.2'")),
                c("update_hygiene", Status.COMPLIANT, "2026.10.4-1", h -> version(h, "'2026.10.4-1'")),
                c("update_hygiene", Status.PARTIAL, "at least 147 days", h -> version(h, "'2026.6.2'")),
                c("update_hygiene", Status.PARTIAL, "dated 2026-01-29", h -> version(h, "'2026.1.29'")),
                c("update_hygiene", Status.VIOLATION, "at least 415 days", h -> version(h, "'2025.10.5'")),
                c("update_hygiene", Status.PARTIAL, "not recorded", h -> h.openclaw("{}")),
                c("update_hygiene", Status.ERROR, "is not an OpenClaw release", h -> version(h, "'latest'")),
                c("update_hygiene", Status.ERROR, "2026.2.30", h -> version(h, "'2026.2.30'")),
                c("update_hygiene", Status.ERROR, "2027.1.1", h -> version(h, "'2027.1.1'")),
                c("update_hygiene", Status.ERROR, "2026.06.1", h -> version(h, "'2026.06.1'")),
                c("update_hygiene", Status.ERROR, "2026.11", h -> version(h, "2026.11")),
                c("update_hygiene", Status.NOT_ASSESSED, "does not exist", h -> { }));
    }

    private static void version(PreparedHome h, String json5) {
        h.openclaw("{meta: {lastTouchedVersion: " + json5 + "}}");
    }

    /** A prepared OpenClaw folder as OpenClaw's audit --fix leaves it: folders 0700, files 0600. */
    private static PreparedHome tidy(PreparedHome h) {
        h.openclaw("{}").file(h.openclawDir.resolve(".env"), "A=1\n")
                .file(h.openclawDir.resolve("credentials/whatsapp/default/creds.json"), "{}")
                .file(h.openclawDir.resolve("agents/main/agent/auth-profiles.json"), "{}")
                .file(h.openclawDir.resolve("agents/main/sessions/sessions.json"), "{}");
        for (String dir : new String[] {"credentials", "credentials/whatsapp", "credentials/whatsapp/default",
                "agents/main/sessions"}) {
            h.mode(h.openclawDir.resolve(dir), "rwx------");
        }
        return h;
    }

    static Stream<Arguments> secretsCases() {
        String check = "secrets_permissions_hardened";
        return Stream.of(
                c(check, Status.COMPLIANT, "0700", h -> tidy(h).file(h.home.config(), "{}")),
                c(check, Status.VIOLATION, "clawguard.json is 0644", h -> tidy(h).file(h.home.config(), "{}")
                        .mode(h.home.config(), "rw-r--r--")),
                c(check, Status.VIOLATION, "creds.json is 0640", h -> tidy(h).mode(
                        h.openclawDir.resolve("credentials/whatsapp/default/creds.json"), "rw-r-----")),
                c(check, Status.VIOLATION, "credentials is 0755 (want 0700)", h -> tidy(h).mode(
                        h.openclawDir.resolve("credentials"), "rwxr-xr-x")),
                c(check, Status.VIOLATION, "auth-profiles.json is 0644", h -> tidy(h).mode(
                        h.openclawDir.resolve("agents/main/agent/auth-profiles.json"), "rw-r--r--")),
                c(check, Status.VIOLATION, "sessions.json is 0604", h -> tidy(h).mode(
                        h.openclawDir.resolve("agents/main/sessions/sessions.json"), "rw----r--")),
                c(check, Status.VIOLATION, ".openclaw is 0750", h -> tidy(h).mode(h.openclawDir, "rwxr-x---")),
                c(check, Status.VIOLATION, "owned by uid 1234", h -> owner(tidy(h).openclawDir.resolve(".env"), 1234)),
                c(check, Status.VIOLATION, "is a symlink to /etc/shadow (not followed)", h -> PreparedHome.link(tidy(h).openclawDir
                        .resolve("credentials/stolen.json"), Path.of("/etc/shadow"))),
                c(check, Status.VIOLATION, "logs/gateway.log is 0644", h -> tidy(h).file(h.openclawDir.resolve(
                        "logs/gateway.log"), "x").mode(h.openclawDir.resolve("logs"), "rwx------").mode(h.openclawDir
                        .resolve("logs/gateway.log"), "rw-r--r--")),
                c(check, Status.VIOLATION, "openclaw-2026-11-24.log is 0644", h -> tidy(h).hostFile(
                        "/tmp/openclaw/openclaw-2026-11-24.log", "x").mode(h.path("/tmp/openclaw"), "rwx------")
                        .mode(h.path("/tmp/openclaw/openclaw-2026-11-24.log"), "rw-r--r--")),
                c(check, Status.VIOLATION, "var/log/oc.log is 0666", h -> tidy(h).openclaw("{logging: {file:"
                        + " '/var/log/oc.log'}}").hostFile("/var/log/oc.log", "x").mode(h.path("/var/log/oc.log"), "rw-rw-rw-")),
                c(check, Status.NOT_APPLICABLE, "neither ClawGuard's nor OpenClaw's state folder exists", h -> {
                    try {
                        Files.delete(h.home.dir());
                        Files.delete(h.openclawDir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                c(check, Status.PARTIAL, "stopped at 5000 entries", h -> {
                    tidy(h);
                    IntStream.range(0, SecretsPermissions.MAX_ENTRIES).forEach(i -> h.file(h.openclawDir.resolve(
                            "agents/main/sessions/s" + i + ".jsonl"), ""));
                }));
    }

    static Stream<Arguments> sessionCases() {
        return Stream.of(
                c("session_boundary_enforced", Status.COMPLIANT, "which clawguard.json requires",
                        h -> h.config(java.util.Map.of("require_session_id", true))),
                c("session_boundary_enforced", Status.PARTIAL, "the agent's own environment asks for one",
                        h -> h.file(h.openclawDir.resolve(".env"), "export OPENCLAW_REQUIRE_SESSION_ID=1\n")),
                c("session_boundary_enforced", Status.PARTIAL, ".env does not exist",
                        h -> h.file(h.openclawDir.resolve("env"), "OPENCLAW_REQUIRE_SESSION_ID=1\n")),
                c("session_boundary_enforced", Status.PARTIAL, "OPENCLAW_REQUIRE_SESSION_ID = 0",
                        h -> h.file(h.openclawDir.resolve(".env"), "OPENCLAW_REQUIRE_SESSION_ID=\"0\"\n")));
    }

    private static void owner(Path p, int uid) {
        try {
            Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkAgainstPreparedHome(String name, String checkId, Status expected, String observed,
                                  Consumer<PreparedHome> setup, @TempDir Path root) throws Exception {
        CheckCases.verify(checkId, expected, observed, setup, root);
    }


    private static String all(CheckResult r) {
        return String.join("\n", r.observed(), r.evidence(), r.gap(), r.mitigation());
    }

    @Test
    void everyOpenClawCheckIsCoveredForEachStatusItGives() {
        assertThat(cases().map(a -> (String) a.get()[1]).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                "channel_allowlist_configured", "group_mentions_required", "group_tool_exposure", "gateway_loopback_only",
                "gateway_auth_hardened", "gateway_discovery_minimised", "openclaw_exec_approvals",
                "openclaw_sandbox_enabled", "logging_redaction_enabled", "update_hygiene", "secrets_permissions_hardened",
                "session_boundary_enforced");
    }

    @Test
    void anInheritedGroupIsNamedOnceWhereItIsWritten(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{channels: {telegram: {groups: {ops: {requireMention: false}}, accounts: {a: {}, b: {}}}}}");
        CheckResult r = CheckCases.result(h, "group_mentions_required");
        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        assertThat(r.observed()).contains("channels.telegram.groups.ops").doesNotContain("accounts");
    }

    @Test
    void everyCheckJudgesTheSameReadOfTheConfig(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{}");
        Signals s = h.signals();
        OpenClawSettings first = s.openclaw();
        h.openclaw("{channels: ");
        assertThat(s.openclaw()).isSameAs(first);
    }

    @Test
    void aParseErrorNamesTheLineNeverTheTextItChokedOn(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{gateway: {auth: {token: sk-live-SECRETVALUE}}}");
        CheckResult r = CheckCases.result(h, "gateway_auth_hardened");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(all(r)).contains("line 1").doesNotContain("SECRETVALUE");
    }

    @Test
    void aConfigSymlinkedToAnotherFileLeaksNothingOfIt(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        Path shadow = root.resolve("shadow");
        h.file(shadow, "root:$6$SHADOWHASH:19000:0:99999:7:::\n");
        PreparedHome.link(h.openclawDir.resolve("openclaw.json"), shadow);
        CheckResult config = CheckCases.result(h, "openclaw_exec_approvals");
        assertThat(config.status()).isEqualTo(Status.ERROR);
        assertThat(all(config)).doesNotContain("SHADOWHASH");
        CheckResult perms = CheckCases.result(h, "secrets_permissions_hardened");
        assertThat(perms.status()).isEqualTo(Status.VIOLATION);
        assertThat(perms.evidence()).contains("openclaw.json is a symlink to " + shadow);
    }

    @Test
    void theGatewayTokenIsMeasuredNeverShown(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{gateway: {auth: {token: 'hunter2'}}}");
        CheckResult r = CheckCases.result(h, "gateway_auth_hardened");
        assertThat(r.status()).isEqualTo(Status.PARTIAL);
        assertThat(all(r)).contains("7 characters").doesNotContain("hunter2");
    }

    @Test
    void escapeSequencesInNamesAndValuesReachNoReport(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{channels: {'\\u001b[2Jevil\\u202e\\u009b2J': {dmPolicy: 'open'}}, meta: {lastTouchedVersion: '\\u001b]0;x\\u0007'}}");
        CheckResult channel = CheckCases.result(h, "channel_allowlist_configured");
        assertThat(channel.status()).isEqualTo(Status.VIOLATION);
        assertThat(all(channel)).contains("\\x1b[2Jevil\\u202e\\x9b2J").doesNotContain("\u001b").doesNotContain("\u202e")
                .doesNotContain("\u009b");
        CheckResult version = CheckCases.result(h, "update_hygiene");
        assertThat(version.status()).isEqualTo(Status.ERROR);
        assertThat(all(version)).doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void aFileNamedWithEscapeSequencesIsNamedSafely(@TempDir Path root) throws Exception {
        PreparedHome h = tidy(new PreparedHome(root));
        Path evil = h.openclawDir.resolve("credentials/\u001b]0;pwned\u0007.json");
        h.file(evil, "{}").mode(evil, "rw-r--r--");
        CheckResult r = CheckCases.result(h, "secrets_permissions_hardened");
        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        assertThat(all(r)).contains("\\x1b]0;pwned\\x07.json is 0644").doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void aHugeAllowListIsReadNotListed(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        String many = IntStream.range(0, 200_000).mapToObj(i -> "'" + i + "'").collect(Collectors.joining(","));
        h.openclaw("{channels: {telegram: {dmPolicy: 'allowlist', allowFrom: [" + many + ", '*']}}}");
        CheckResult r = CheckCases.result(h, "channel_allowlist_configured");
        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        assertThat(all(r).length()).isLessThan(2000);
    }

    @Test
    void thousandsOfAccountsOverAWideChannelCostNoMoreThanTheirSize(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        String keys = IntStream.range(0, 20_000).mapToObj(i -> "k" + i + ": 1").collect(Collectors.joining(","));
        String accounts = IntStream.range(0, 20_000).mapToObj(i -> "a" + i + ": {}").collect(Collectors.joining(","));
        h.openclaw("{channels: {telegram: {" + keys + ", dmPolicy: 'allowlist', accounts: {" + accounts + "}}}}");
        CheckResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> CheckCases.result(h, "channel_allowlist_configured"));
        assertThat(r.status()).isEqualTo(Status.COMPLIANT);
        assertThat(r.evidence()).contains("and 19991 more");
    }

    @Test
    void manyChannelsAreNamedTenThenCounted(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{channels: {" + IntStream.range(0, 50).mapToObj(i -> "c" + i + ": {dmPolicy: 'open'}")
                .collect(Collectors.joining(",")) + "}}");
        CheckResult r = CheckCases.result(h, "channel_allowlist_configured");
        assertThat(r.observed()).contains("and 40 more");
    }

    @Test
    void deepNestingIsAnErrorNotACrash(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{a: " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertThat(CheckCases.result(h, "logging_redaction_enabled").status()).isEqualTo(Status.ERROR);
    }

    @Test
    void anOversizedConfigIsRefusedUnread(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{pad: '" + "x".repeat(BoundedFile.MAX_BYTES) + "'}");
        CheckResult r = CheckCases.result(h, "logging_redaction_enabled");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.evidence()).contains("larger than 16 MiB");
    }

    @Test
    void aConfigSwappedForAFifoOrADeviceIsRefusedUnread(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        Path config = h.openclawDir.resolve("openclaw.json");
        assertThat(new ProcessBuilder("mkfifo", config.toString()).start().waitFor()).isZero();
        h.file(h.openclawDir.resolve(".env"), "x");
        Files.delete(h.openclawDir.resolve(".env"));
        PreparedHome.link(h.openclawDir.resolve(".env"), Path.of("/dev/zero"));
        CheckResult r = CheckCases.result(h, "gateway_auth_hardened");
        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.evidence()).contains("not a regular file");
        Files.delete(config);
        PreparedHome.link(config, Path.of("/dev/zero"));
        assertThat(CheckCases.result(h, "gateway_auth_hardened").evidence()).contains("not a regular file");
        assertThat(CheckCases.result(h, "session_boundary_enforced").status()).isEqualTo(Status.PARTIAL);
    }

    @Test
    void aConfigThatIsNotAnObjectIsAnError(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("['gateway']");
        assertThat(CheckCases.result(h, "gateway_loopback_only").status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aSymlinkedStateFolderIsAFindingAndNotEntered(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        Path elsewhere = root.resolve("elsewhere");
        h.file(elsewhere.resolve("credentials/x.json"), "{}").mode(elsewhere.resolve("credentials/x.json"), "rw-rw-rw-");
        Path linked = root.resolve("linked-openclaw");
        PreparedHome.link(linked, elsewhere);
        Signals s = h.signals();
        Signals pointed = new Signals(s.home(), linked, h, s.network(), PreparedHome.NOW);
        CheckResult r = Assessor.builtIn().assess(pointed, PreparedHome.NOW, "test").checks().stream()
                .filter(c -> c.control().checkId().equals("secrets_permissions_hardened")).findFirst().orElseThrow().result();
        assertThat(r.status()).isEqualTo(Status.VIOLATION);
        assertThat(r.evidence()).contains(linked + " is a symlink").doesNotContain("x.json");
    }
}
