package io.clawguard.compliance;

import static io.clawguard.compliance.HostHardeningChecksTest.AA;
import static io.clawguard.compliance.HostHardeningChecksTest.AA_PROFILES;
import static io.clawguard.compliance.HostHardeningChecksTest.APT_CLEAN;
import static io.clawguard.compliance.HostHardeningChecksTest.AUDIT_RULES;
import static io.clawguard.compliance.HostHardeningChecksTest.AUDIT_STATUS;
import static io.clawguard.compliance.HostHardeningChecksTest.AUTO;
import static io.clawguard.compliance.HostHardeningChecksTest.NFT_BOTH;
import static io.clawguard.compliance.HostHardeningChecksTest.PTRACE;
import static io.clawguard.compliance.HostHardeningChecksTest.SSHD_T;

import io.clawguard.audit.AuditChain;
import io.clawguard.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A prepared "well-run OpenClaw host": the agent runs unprivileged with no sudo rights and the
 * shim first on its PATH, a broker answers, policies and baselines are in place, OpenClaw is
 * configured as its own audit asks, and the host is hardened (sshd keys only, auditd rules, a
 * default-deny firewall both ways, automatic security updates, Yama, AppArmor). {@link
 * WellRunHostTest} holds that it scores "good" with full coverage; {@link #main} writes its
 * reports for the screenshot script.
 */
final class WellRunHost {
    static final int AGENT = 1001;
    static final String TOKEN = "3f9c1e7a5b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c";

    private WellRunHost() {
    }

    static PreparedHome prepare(Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.accounts().shim().gateway(4242, AGENT, "PATH=" + h.pathWithShim(true), "HOME=/home/agent")
                .tool(PrivilegeChecksTest.SUDO_L, 1, PrivilegeChecksTest.NOT_ALLOWED);
        h.broker = true;
        clawguard(h);
        openclaw(h);
        host(h);
        h.listening.add(PreparedHome.listener("0.0.0.0", 22, "sshd"));
        h.listening.add(PreparedHome.listener("127.0.0.1", 18789, "openclaw-gateway"));
        h.connections.add(PreparedHome.outbound("192.0.2.40", 443, "openclaw-gateway"));
        return h;
    }

    /** ClawGuard's own state: settings, policies, rules and a chained audit log, owner-only. */
    private static void clawguard(PreparedHome h) {
        h.config(Map.of("agent_users", List.of("agent"), "idle_timeout_minutes", 30, "totp_secret_file", "totp-secret",
                "require_session_id", true,
                "assessment", Map.of("backup_target", "ssh://backup@vault.example/srv/clawguard")));
        h.file(h.home.dir().resolve("totp-secret"), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n");
        h.file(h.home.commandPolicy(), "{\"deny\": [\"^/bin/(ba)?sh\\\\b\", \"\\\\brm -rf /\"],"
                + " \"allow\": [\"^/usr/bin/systemctl (status|restart) openclaw\\\\b\", \"^/usr/bin/apt-get update$\"]}");
        h.file(h.home.promptPolicy(), "{\"require_confirmation_for_untrusted\": true}");
        h.file(h.home.approvedPorts(), "[{\"port\": 22, \"protocol\": \"tcp\", \"comment\": \"admin SSH, keys only\"},"
                + " {\"port\": 18789, \"protocol\": \"tcp\", \"comment\": \"OpenClaw gateway, loopback\"}]");
        h.file(h.home.egressAllowlist(), "[{\"protocol\": \"tcp\", \"cidr\": \"192.0.2.0/24\", \"port\": 443,"
                + " \"comment\": \"model API\"}]");
        String prev = AuditChain.genesisPrev(new byte[0]);
        h.file(h.home.auditLog(), "{\"action\":\"exec_start\",\"hash\":\"" + AuditChain.hashOf(Map.of("action",
                "exec_start", "prev", prev, "seq", 1L)) + "\",\"prev\":\"" + prev + "\",\"seq\":1}\n");
    }

    /** OpenClaw's folder as its own security audit --fix leaves it, with a hardened openclaw.json. */
    private static void openclaw(PreparedHome h) {
        h.openclaw("""
                {
                  // JSON5, as OpenClaw reads it
                  meta: {lastTouchedVersion: '2026.11.3'},
                  gateway: {bind: 'loopback', auth: {mode: 'token', token: '%s'},
                            controlUi: {allowedOrigins: ['https://console.example']}},
                  discovery: {mdns: {mode: 'off'}},
                  tools: {exec: {security: 'allowlist', ask: 'always', askFallback: 'deny', autoAllowSkills: false},
                          elevated: {enabled: false}},
                  agents: {defaults: {sandbox: {mode: 'all', docker: {network: 'none', binds: ['/srv/project:/project:ro']}}}},
                  channels: {telegram: {dmPolicy: 'allowlist', allowFrom: ['123456789'], groupPolicy: 'allowlist',
                                        groups: {'*': {requireMention: true}}}},
                  logging: {redactSensitive: 'tools'},
                }
                """.formatted(TOKEN));
        h.file(h.openclawDir.resolve(".env"), "OPENCLAW_REQUIRE_SESSION_ID=1\n")
                .file(h.openclawDir.resolve("credentials/telegram/default/creds.json"), "{}")
                .file(h.openclawDir.resolve("agents/main/agent/auth-profiles.json"), "{}")
                .file(h.openclawDir.resolve("agents/main/sessions/sessions.json"), "{}");
        for (String dir : List.of("", "credentials", "credentials/telegram", "credentials/telegram/default", "agents",
                "agents/main", "agents/main/agent", "agents/main/sessions", "other-bin")) {
            h.mode(h.openclawDir.resolve(dir), "rwx------");
        }
    }

    /** The host's own hardening, as its tools and files report it. */
    private static void host(PreparedHome h) {
        h.tool("sshd -T", 0, SSHD_T).tool("auditctl -s", 0, AUDIT_STATUS).tool("auditctl -l", 0, AUDIT_RULES)
                .tool("nft list ruleset", 0, NFT_BOTH).hostFile(PTRACE, "1\n").hostFile(AA, "Y\n")
                .hostFile(AA_PROFILES, "/usr/bin/man (enforce)\n/usr/sbin/sshd (enforce)\n")
                .hostFile(AUTO, "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n");
        HostHardeningChecksTest.ipv6(h);
        HostHardeningChecksTest.apt(h, APT_CLEAN, true);
        h.hostFile("/etc/pam.d/su", "auth required pam_wheel.so\n");
    }

    /** Writes the well-run host's assessment as JSON, HTML, Markdown and XCCDF into the folder named. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path scratch = Files.createTempDirectory("clawguard-well-run");
        Assessment a = Assessor.builtIn().assess(prepare(scratch).signals(), PreparedHome.NOW, "well-run-host");
        ControlCatalog catalog = ControlCatalog.builtIn();
        Files.writeString(out.resolve("well-run.json"), JsonValues.pretty(AssessmentJson.of(a, catalog)) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("well-run.html"), HtmlReport.of(a, catalog), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("well-run.md"), MarkdownReport.of(a, catalog), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("well-run.xccdf.xml"), XccdfReport.of(a, catalog), StandardCharsets.UTF_8);
        System.out.println("well-run host: score " + a.score() + "/100, " + a.coverage().describe() + ": " + a.band()
                + " " + a.byStatus());
    }
}
