package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent can write (its state folder, its processes, /tmp) turned against the scorecard:
 * each case is a way to a better score than the truth, a hung or exhausted assessment, or text
 * that would be obeyed in a report, and what the assessment makes of it.
 */
class ScorecardAttackTest {

    private static CheckResult result(PreparedHome h, String checkId) throws Exception {
        Assessment a = Assessor.builtIn().assess(h.signals(), PreparedHome.NOW, "test");
        return a.checks().stream().filter(s -> s.control().checkId().equals(checkId)).findFirst().orElseThrow().result();
    }

    @Test
    void settingsHiddenInAnIncludedFileAreNotJudgedAbsent(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // OpenClaw merges $include'd files into the config: the open channel lives in one the file only names.
        h.openclaw("{gateway: {bind: 'loopback'}, $include: './channels.json5'}");
        h.file(h.openclawDir.resolve("channels.json5"), "{channels: {telegram: {dmPolicy: 'open', allowFrom: ['*']}}}");
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
        assertThat(r.observed()).contains("telegram");
    }

    @Test
    void noAgentWrittenTextReachesAReportUnescaped(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root).accounts();
        String esc = "\\u001b]0;pwned\\u0007";
        h.openclaw("{logging: {file: '/tmp/" + esc + "/x.log', redactSensitive: '" + esc + "'},"
                + " gateway: {bind: 'custom', customBindHost: '" + esc + "', auth: {token: '" + esc + "'},"
                + " controlUi: {allowedOrigins: ['" + esc + "']}},"
                + " agents: {defaults: {sandbox: {mode: 'all', docker: {network: '" + esc + "', binds: ['/" + esc + ":/x']}}},"
                + " list: [{id: '" + esc + "', tools: {exec: {security: '" + esc + "'}}, sandbox: {mode: '" + esc + "'}}]},"
                + " tools: {allow: ['" + esc + "'], elevated: {allowFrom: {'" + esc + "': ['" + esc + "']}}},"
                + " channels: {telegram: {allowFrom: ['" + esc + "'], groups: {'" + esc + "': {requireMention: false}}}},"
                + " meta: {lastTouchedVersion: '" + esc + "'}}");
        String raw = "\u001b]0;pwned\u0007";
        h.file(h.openclawDir.resolve(".env"), "OPENCLAW_REQUIRE_SESSION_ID=" + raw + "\nOPENCLAW_GATEWAY_TOKEN=" + raw + "\n");
        h.process(4242, 1001, "/usr/bin/node", List.of("node", "/opt/openclaw/openclaw.mjs", "gateway", raw),
                "PATH=/x" + raw + ":/usr/bin", "OPENCLAW_STATE_DIR=/tmp/" + raw);
        h.listening.add(PreparedHome.listener("0.0.0.0", 18789, "node" + raw));
        for (ScoredCheck s : Assessor.builtIn().assess(h.signals(), PreparedHome.NOW, "test").checks()) {
            CheckResult r = s.result();
            assertThat(String.join("\n", r.observed(), r.evidence(), r.gap(), r.mitigation())).as(r.toString())
                    .doesNotContain("\u001b").doesNotContain("\u0007");
        }
    }

    @Test
    void aWildcardSubstitutedFromTheEnvironmentIsJudgedAsOpenClawReadsIt(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // OpenClaw replaces ${NAME} in every string of the config with NAME from its environment, .env included.
        h.openclaw("{channels: {telegram: {dmPolicy: 'allowlist', allowFrom: ['${OWNER}']}}}");
        h.file(h.openclawDir.resolve(".env"), "OWNER=*\n");
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
    }

    @Test
    void aReferenceNoEnvironmentFileResolvesIsUnknownNotTakenLiterally(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{gateway: {controlUi: {allowedOrigins: ['${UI_ORIGIN}', '$${KEPT}']}}}");
        CheckResult r = result(h, "gateway_discovery_minimised");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.ERROR);
        assertThat(r.evidence()).contains("UI_ORIGIN").contains("gateway.controlUi.allowedOrigins");
        h.file(h.openclawDir.resolve(".env"), "UI_ORIGIN=https://ui.example\n");
        CheckResult resolved = result(h, "gateway_discovery_minimised");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(Status.COMPLIANT);
        assertThat(resolved.evidence()).contains("https://ui.example").contains("${KEPT}");
    }

    @Test
    void referencesThatAreNoneCostTheirLengthOnce(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // Each "${" opens a reference up to the next "}": a million of them before one brace must not each read to it.
        h.openclaw("{a: '" + "${a".repeat(1 << 20) + "}', b: '" + "$${pass:".repeat(1 << 19) + "}'}");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThat(result(h, "gateway_loopback_only").status())
                .isEqualTo(Status.COMPLIANT));
    }

    @Test
    void aDecoyProcessWithTheShimFirstDoesNotVouchForTheGateway(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root).accounts().shim();
        // The agent starts its own "gateway" (a lower pid) with the shim first; the real one runs with /usr/bin first.
        h.gateway(100, 1001, "PATH=" + h.pathWithShim(true));
        h.gateway(4242, 1001, "PATH=" + h.pathWithShim(false));
        h.tool("sudo -n -l -U agent", 1, "User agent is not allowed to run sudo on host.\n");
        h.broker = true;
        CheckResult r = result(h, "privilege_approval_required");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
        assertThat(r.evidence()).contains("/proc/4242/environ");
    }

    @Test
    void aGatewayRunningOnAnotherConfigIsNotJudgedByTheOneAssessed(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root).accounts();
        h.openclaw("{channels: {telegram: {dmPolicy: 'allowlist', allowFrom: ['123']}}}");
        // The agent restarts its gateway on a config of its own; the one in the state folder stays tidy.
        h.file(root.resolve("elsewhere/open.json"), "{channels: {telegram: {dmPolicy: 'open', allowFrom: ['*']}}}");
        h.gateway(4242, 1001, "PATH=/usr/bin", "OPENCLAW_CONFIG_PATH=" + root.resolve("elsewhere/open.json"));
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.ERROR);
        assertThat(r.evidence()).contains("/proc/4242").contains("elsewhere/open.json");
        // OpenClaw still honours the names it had as Clawdbot.
        h.file(h.path("/proc/4242/environ"), "PATH=/usr/bin\0CLAWDBOT_CONFIG_PATH=" + root.resolve("elsewhere/open.json") + "\0");
        assertThat(result(h, "channel_allowlist_configured").status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aGatewayOnTheAssessedConfigIsJudgedByIt(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root).accounts();
        h.openclaw("{channels: {telegram: {dmPolicy: 'allowlist', allowFrom: ['123']}}}");
        h.gateway(4242, 1001, "PATH=/usr/bin", "OPENCLAW_STATE_DIR=" + h.openclawDir + "/");
        h.gateway(4243, 1001, "PATH=/usr/bin", "OPENCLAW_CONFIG_PATH=" + h.openclawDir.resolve("openclaw.json"));
        h.gateway(4244, 1001, "PATH=/usr/bin");
        assertThat(result(h, "channel_allowlist_configured").status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void aLogPathNoFileCanHaveCostsOneCheckNotTheAssessment(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{logging: {file: '/tmp/\\u0000/x.log'}}");
        // A NUL is no path at all: Java refuses to make one, and an exception there ended the whole assessment.
        CheckResult r = result(h, "secrets_permissions_hardened");
        assertThat(r.evidence()).as(r.toString()).contains("(the gateway's log)");
    }

    @Test
    void aBindThroughASymlinkIsJudgedByWhatDockerMounts(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // Docker follows a symlink in a bind's source; /tmp and the agent's home are the agent's to link from.
        Path link = root.resolve("innocent");
        Files.createSymbolicLink(link, Path.of("/"));
        h.openclaw("{agents: {defaults: {sandbox: {mode: 'all', docker: {binds: ['" + link + ":/work:rw']}}}}}");
        CheckResult r = result(h, "openclaw_sandbox_enabled");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
        assertThat(r.observed()).contains("whole host");
    }

    @Test
    void markupInAChannelNameIsTextInTheMarkdownReport(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{channels: {'<img src=https://evil.example/t.png>[Fixed: compliant](https://evil.example)': {dmPolicy: 'open'}}}");
        String md = MarkdownReport.of(Assessor.builtIn().assess(h.signals(), PreparedHome.NOW, "test"), ControlCatalog.builtIn());
        // Each character Markdown would act on comes escaped: it renders as itself, no tag, image or link.
        assertThat(md).contains("\\<img src=https://evil.example/t.png\\>\\[Fixed: compliant\\](https://evil.example)")
                .doesNotContainPattern("(?<!\\\\)<img").doesNotContainPattern("(?<!\\\\)\\]\\(https");
    }

    @Test
    void theAgentsOwnEnvironmentDoesNotMakeSessionIdsRequired(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // The shim forwards whatever the calling process's environment says: the agent can leave it out per command.
        h.file(h.openclawDir.resolve(".env"), "OPENCLAW_REQUIRE_SESSION_ID=1\n");
        CheckResult fromEnv = result(h, "session_boundary_enforced");
        assertThat(fromEnv.status()).as(fromEnv.toString()).isEqualTo(Status.PARTIAL);
        // clawguard.json's require_session_id is in force whatever the agent's environment says.
        h.config(Map.of("require_session_id", true));
        CheckResult fromConfig = result(h, "session_boundary_enforced");
        assertThat(fromConfig.status()).as(fromConfig.toString()).isEqualTo(Status.COMPLIANT);
        assertThat(fromConfig.evidence()).contains("require_session_id = true");
    }

    @Test
    void aConfigUnderItsLegacyNameIsTheOneJudged(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // With no openclaw.json, OpenClaw reads clawdbot.json (then moldbot.json, moltbot.json) in the state folder.
        h.file(h.openclawDir.resolve("clawdbot.json"), "{channels: {telegram: {dmPolicy: 'open'}}}");
        CheckResult r = result(h, "channel_allowlist_configured");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
        assertThat(r.evidence()).contains("clawdbot.json");
    }

    @Test
    void aStateFolderUnderItsLegacyNameIsTheOneAssessed(@TempDir Path root) throws Exception {
        Path home = root.resolve("home/agent");
        Files.createDirectories(home.resolve(".clawdbot"));
        // With no ~/.openclaw, OpenClaw keeps its state in ~/.clawdbot (then .moldbot, .moltbot).
        Path found = OpenClawHome.resolve(null, Map.of(), List.of("agent"),
                List.of("agent:x:1001:1001::" + home + ":/bin/sh"), root.resolve("home/admin"));
        assertThat(found).isEqualTo(home.resolve(".clawdbot"));
        Files.createDirectories(home.resolve(".openclaw"));
        assertThat(OpenClawHome.resolve(null, Map.of(), List.of("agent"), List.of("agent:x:1001:1001::" + home + ":/bin/sh"),
                root.resolve("home/admin"))).isEqualTo(home.resolve(".openclaw"));
    }

    @Test
    void dotEnvIsReadAsDotenvReadsIt(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.openclaw("{channels: {telegram: {dmPolicy: 'allowlist', allowFrom: ['${OWNER}']}}}");
        // dotenv ends an unquoted value at " #", and takes a quoted one between its quotes.
        for (String line : List.of("OWNER=* # whoever writes", "OWNER='*' # whoever writes", "export OWNER = \"*\"")) {
            h.file(h.openclawDir.resolve(".env"), line + "\n");
            CheckResult r = result(h, "channel_allowlist_configured");
            assertThat(r.status()).as(line + ": " + r).isEqualTo(Status.VIOLATION);
        }
    }

    @Test
    void aProcessNameWithEscapesReachesNoNetworkFinding(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        // A process names itself (prctl PR_SET_NAME): fifteen bytes are enough to retitle the terminal.
        String comm = "\u001b]0;pwned\u0007";
        h.file(h.home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"ssh\"}]");
        h.file(h.home.egressAllowlist(), "[{\"protocol\": \"tcp\", \"cidr\": \"10.0.0.0/8\"}]");
        h.listening.add(PreparedHome.listener("0.0.0.0", 8080, comm));
        h.connections.add(PreparedHome.outbound("203.0.113.9", 443, comm));
        for (String check : List.of("open_ports_approved", "public_binds_justified", "egress_connections_approved")) {
            CheckResult r = result(h, check);
            assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
            assertThat(String.join("\n", r.observed(), r.evidence(), r.gap(), r.mitigation())).as(r.toString())
                    .doesNotContain("\u001b").doesNotContain("\u0007");
        }
    }

    @Test
    void thousandsOfAgentProcessesAreNamedTenThenCounted(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root).accounts();
        for (int pid = 1000; pid < 1500; pid++) {
            h.gateway(pid, 1001, "PATH=/usr/bin");
        }
        CheckResult r = result(h, "least_privilege_enforced");
        assertThat(r.status()).isEqualTo(Status.COMPLIANT);
        assertThat(r.evidence()).contains("and 490 more").hasSizeLessThan(5000);
    }

    @Test
    void aLegacyNamedConfigIsHeldToTheSameModes(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.mode(Files.createDirectories(h.openclawDir), "rwx------");
        Path legacy = h.openclawDir.resolve("clawdbot.json");
        h.file(legacy, "{gateway: {auth: {token: 'secret'}}}").mode(legacy, "rw-r--r--");
        CheckResult r = result(h, "secrets_permissions_hardened");
        assertThat(r.status()).as(r.toString()).isEqualTo(Status.VIOLATION);
        assertThat(r.evidence()).contains("clawdbot.json is 0644");
    }

    @Test
    void aRulePushedPastTheReadLimitOfSudoersIsNotJudgedAbsent(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root).accounts().shim();
        h.gateway(4242, 1001, "PATH=" + h.pathWithShim(true));
        h.broker = true;
        // No sudo tool: sudoers is parsed; the rule lies past the first 4 MiB, behind a comment that long.
        h.hostFile("/etc/sudoers", "#" + "x".repeat(5 << 20) + "\nagent ALL=(ALL) NOPASSWD: ALL\n");
        for (String check : new String[] {"privilege_approval_required", "alternate_privilege_paths_restricted"}) {
            CheckResult r = result(h, check);
            assertThat(r.status()).as(r.toString()).isNotIn(Status.COMPLIANT, Status.NOT_APPLICABLE, Status.PARTIAL);
        }
    }
}
