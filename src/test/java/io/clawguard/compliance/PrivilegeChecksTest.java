package io.clawguard.compliance;

import static io.clawguard.compliance.CheckCases.c;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checks of privileged execution and of the agent's account against made-up hosts: every
 * status each can give, and the attacks on how they read the host (look-alike processes, escape
 * sequences in a command line, sudoers include loops and skipped names, a readable token).
 */
class PrivilegeChecksTest {
    private static final String APPROVAL = "privilege_approval_required";
    private static final String LEAST = "least_privilege_enforced";
    private static final String GROUPS = "agent_group_memberships";
    private static final String PATHS = "alternate_privilege_paths_restricted";
    private static final String FACTOR = "multi_factor_approval";
    private static final String HOOK = "runtime_privilege_hook_installed";
    private static final int AGENT = 1001;
    private static final int PID = 4242;
    static final String NOT_ALLOWED = "User agent is not allowed to run sudo on host.\n";
    static final String SUDO_L = "sudo -n -l -U agent";
    private static final String TOKEN = "approval_token_file";


    /** The agent's gateway running with the shim first on its PATH, no sudo rights, and a broker when asked. */
    private static void guarded(PreparedHome h, boolean broker) {
        h.accounts().shim().gateway(PID, AGENT, "PATH=" + h.pathWithShim(true), "OPENCLAW_STATE_DIR=/srv/openclaw")
                .tool(SUDO_L, 1, NOT_ALLOWED);
        h.broker = broker;
    }

    /** An agent the checks can find, with nothing else set up. */
    private static void agent(PreparedHome h) {
        h.accounts().gateway(PID, AGENT, "PATH=/usr/bin:/bin");
    }

    static Stream<Arguments> cases() {
        return Stream.of(approval(), least(), groups(), paths(), sudoersAsSudoReadsIt(), factor(), hook())
                .flatMap(s -> s);
    }

    static Stream<Arguments> approval() {
        return Stream.of(
                c(APPROVAL, Status.COMPLIANT, "a broker answers", h -> guarded(h, true)),
                c(APPROVAL, Status.PARTIAL, "no broker is running", h -> guarded(h, false)),
                c(APPROVAL, Status.VIOLATION, "(ALL) NOPASSWD: ALL", h -> {
                    guarded(h, true);
                    h.tool(SUDO_L, 0, "Matching Defaults entries for agent on host:\n    env_reset\n\n"
                            + "User agent may run the following commands on host:\n    (ALL) NOPASSWD: ALL\n");
                }),
                c(APPROVAL, Status.VIOLATION, "without ClawGuard", h -> {
                    // No sudo tool: sudoers read as sudo reads it. A right that asks a password is still a right.
                    guarded(h, true);
                    h.tools.clear();
                    h.hostFile("/etc/sudoers", "%agent ALL=(ALL:ALL) /usr/bin/apt\n");
                }),
                c(APPROVAL, Status.VIOLATION, "some without a password", h -> {
                    guarded(h, true);
                    h.tools.clear();
                    h.hostFile("/etc/sudoers", "Defaults:agent !authenticate\nagent ALL = (root) /usr/bin/systemctl\n");
                }),
                c(APPROVAL, Status.VIOLATION, "another sudo comes before", h -> {
                    h.accounts().shim().gateway(PID, AGENT, "PATH=" + h.pathWithShim(false)).tool(SUDO_L, 1, NOT_ALLOWED);
                    h.broker = true;
                }),
                c(APPROVAL, Status.NOT_APPLICABLE, "see runtime_privilege_hook_installed", h -> {
                    agent(h);
                    h.tool(SUDO_L, 1, NOT_ALLOWED);
                }),
                c(APPROVAL, Status.NOT_APPLICABLE, "see least_privilege_enforced", h -> h.accounts().gateway(PID, 0)),
                c(APPROVAL, Status.NOT_ASSESSED, "agent_users", h -> { }),
                c(APPROVAL, Status.NOT_ASSESSED, "/etc/sudoers cannot be read by this user", h -> {
                    guarded(h, true);
                    h.tools.clear();
                    h.hostFile("/etc/sudoers", "root ALL=(ALL) ALL\n").unreadable.add("/etc/sudoers");
                    h.root = false;
                }),
                c(APPROVAL, Status.NOT_ASSESSED, "/proc/4242/environ cannot be read by this user", h -> {
                    guarded(h, true);
                    h.unreadable.add("/proc/" + PID + "/environ");
                    h.root = false;
                }),
                c(APPROVAL, Status.NOT_ASSESSED, "PATH is unknown", h -> {
                    h.accounts().shim().config(Map.of("agent_users", List.of("agent"))).tool(SUDO_L, 1, NOT_ALLOWED);
                    h.broker = true;
                }),
                c(APPROVAL, Status.ERROR, "cannot be parsed", h -> {
                    guarded(h, true);
                    h.tools.clear();
                    h.hostFile("/etc/sudoers", "agent ALL\n");
                }));
    }

    static Stream<Arguments> least() {
        return Stream.of(
                c(LEAST, Status.COMPLIANT, "unprivileged", PrivilegeChecksTest::agent),
                c(LEAST, Status.VIOLATION, "runs as root", h -> h.accounts().gateway(PID, 0)),
                c(LEAST, Status.VIOLATION, "agent_users names root (uid 0)",
                        h -> h.accounts().config(Map.of("agent_users", List.of("root")))),
                c(LEAST, Status.NOT_ASSESSED, "no OpenClaw process", h -> { }),
                c(LEAST, Status.NOT_ASSESSED, "no OpenClaw process", h -> h.accounts()
                        // "openclaw" as a word is not OpenClaw: root's editor, a script reading its config, ClawGuard.
                        .process(100, 0, "/usr/bin/python3", List.of("python3", "/opt/tool.py",
                                "/home/alice/.openclaw/openclaw.json", "gateway"))
                        .process(101, 0, "/usr/bin/vim.basic", List.of("vim", "openclaw.md"))
                        .process(102, 0, "/usr/lib/jvm/java-17/bin/java", List.of("java", "-jar",
                                "/opt/clawguard/clawguard.jar", "console", "openclaw", "gateway"))
                        .process(103, 0, "/usr/bin/node", List.of("node", "/srv/app/server.js", "openclaw", "gateway"))
                        // A shell renaming itself: the title alone on a program that is not node is not OpenClaw.
                        .process(104, 0, "/usr/bin/bash", List.of("openclaw-gateway"))
                        // NULs make separate words: "openclaw\0gateway" from python is still python.
                        .process(105, 0, "/usr/bin/python3", List.of("openclaw", "gateway"))),
                c(LEAST, Status.COMPLIANT, "/proc/4243 (openclaw-gateway)", h -> h.accounts()
                        // What OpenClaw's process.title leaves: its title, padded with NULs.
                        .process(4243, AGENT, "/usr/bin/node", List.of("openclaw-gateway", "", "", ""))),
                c(LEAST, Status.COMPLIANT, "dist/index.js gateway run", h -> h.accounts()
                        .process(4245, AGENT, "/usr/bin/node", List.of("/usr/bin/node", "--max-old-space-size=2560", "-r",
                                "dotenv/config", "/app/node_modules/openclaw/dist/index.js", "gateway", "run"))),
                c(LEAST, Status.COMPLIANT, "openclaw gateway --port 18789", h -> h.accounts()
                        .process(4244, AGENT, "/usr/local/bin/openclaw", List.of("openclaw", "gateway", "--port", "18789"))),
                c(LEAST, Status.VIOLATION, "--name=\\x1b[2J\\x1b[31mfine", h -> h.accounts()
                        .process(PID, 0, "/usr/bin/node", List.of("node", "/usr/lib/node_modules/openclaw/openclaw.mjs",
                                "gateway", "--name=\u001b[2J\u001b[31mfine\u009b"))));
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                c(GROUPS, Status.COMPLIANT, "no root-equivalent", PrivilegeChecksTest::agent),
                c(GROUPS, Status.VIOLATION, "deploy (uid 1002) in [agents, deploy, docker]", h -> {
                    // No process runs; agent_groups names who may ask, and each of its members is an agent.
                    h.accounts().config(Map.of("agent_groups", List.of("agents")));
                    h.hostFile("/etc/group", "agents:x:1500:deploy\ndocker:x:999:deploy\ndeploy:x:1002:\n");
                }),
                c(GROUPS, Status.VIOLATION, "in [agent, docker]", h -> {
                    agent(h);
                    h.hostFile("/etc/group", "docker:x:999:admin,agent\nagent:x:1001:\n");
                }),
                c(GROUPS, Status.VIOLATION, "in [agent, sudo]", h -> {
                    // The running process holds the group even when /etc/group no longer lists it.
                    agent(h);
                    h.hostFile("/proc/" + PID + "/status", "Uid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\n"
                            + "Groups:\t27 1001\n");
                }),
                c(GROUPS, Status.PARTIAL, "logs (adm)", h -> {
                    agent(h);
                    h.hostFile("/etc/group", "adm:x:4:admin,agent\nagent:x:1001:\n");
                }),
                c(GROUPS, Status.NOT_ASSESSED, "agent_users", h -> { }));
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                c(PATHS, Status.COMPLIANT, "no passwordless sudo rule", h -> { }),
                c(PATHS, Status.VIOLATION, "deploy ALL=(ALL) NOPASSWD: /usr/bin/systemctl",
                        h -> h.accounts().hostFile("/etc/sudoers", "root ALL=(ALL:ALL) ALL\n"
                                + "deploy ALL=(ALL) NOPASSWD: /usr/bin/systemctl\n")),
                c(PATHS, Status.VIOLATION, "Defaults env_reset,!authenticate",
                        h -> h.hostFile("/etc/sudoers", "Defaults env_reset, !authenticate\n%sudo ALL=(ALL) ALL\n")),
                c(PATHS, Status.COMPLIANT, "counted by privilege_approval_required", h -> {
                    agent(h);
                    h.hostFile("/etc/sudoers", "agent ALL=(ALL) NOPASSWD: ALL\n");
                }),
                c(PATHS, Status.COMPLIANT, "/etc/sudoers:1: Defaults:agent !authenticate is the agent's", h -> {
                    agent(h);
                    h.hostFile("/etc/sudoers", "Defaults:agent !authenticate\nagent ALL=(ALL) ALL\n");
                }),
                c(PATHS, Status.VIOLATION, "sudoers /etc/sudoers:1: Defaults:deploy !authenticate", h -> {
                    agent(h);
                    h.hostFile("/etc/sudoers", "Defaults:deploy !authenticate\ndeploy ALL=(ALL) ALL\n");
                }),
                c(PATHS, Status.COMPLIANT, "0 permitting the agent", h -> {
                    // doas installed with a rule for wheel only: no way to root for the agent.
                    agent(h);
                    h.hostFile("/usr/bin/doas", "").hostFile("/etc/doas.conf", "permit persist :wheel\n");
                }),
                c(PATHS, Status.VIOLATION, "doas /etc/doas.conf:2: permit nopass agent as root", h -> {
                    agent(h);
                    h.hostFile("/etc/doas.conf", "# agents\npermit nopass agent as root\n");
                }),
                c(PATHS, Status.COMPLIANT, "2 rule(s), 0 permitting", h -> {
                    // The last matching rule decides: a later deny undoes the permit.
                    agent(h);
                    h.hostFile("/etc/doas.conf", "permit :agent\ndeny agent\n");
                }),
                c(PATHS, Status.VIOLATION, "polkit.Result.YES", h -> h.hostFile("/etc/polkit-1/rules.d/49-nopasswd.rules",
                        "polkit.addRule(function(action, subject) {\n  if (subject.isInGroup(\"wheel\")) {\n"
                                + "    return polkit.Result.YES;\n  }\n});\n")),
                c(PATHS, Status.VIOLATION, "ResultActive=yes", h -> h.hostFile(
                        "/etc/polkit-1/localauthority/50-local.d/admin.pkla", "[Admin]\nIdentity=unix-group:staff\n"
                                + "Action=*\nResultAny=no\nResultActive=yes\n")),
                c(PATHS, Status.ERROR, "more than 128", h -> {
                    // More sudoers files than are read: the ones left unread may hold a NOPASSWD rule.
                    h.hostFile("/etc/sudoers", "@includedir /etc/sudoers.d\n");
                    for (int i = 0; i < 200; i++) {
                        h.hostFile(String.format("/etc/sudoers.d/%03d-nothing", i), "# nothing\n");
                    }
                }),
                c(PATHS, Status.NOT_ASSESSED, "polkit rules cannot be read", h -> {
                    // More rule files than are read: the ones left unread may grant, so "no grant" is not known.
                    for (int i = 0; i < 300; i++) {
                        h.hostFile(String.format("/etc/polkit-1/rules.d/%03d-default.rules", i), "// nothing\n");
                    }
                }),
                c(PATHS, Status.COMPLIANT, "/usr/bin/pkexec is installed; no polkit rule", h -> h
                        .hostFile("/usr/bin/pkexec", "").hostFile("/etc/polkit-1/rules.d/50-default.rules",
                                "// return polkit.Result.YES;\npolkit.addAdminRule(function(a, s) { return [\"unix-group:sudo\"]; });\n")),
                c(PATHS, Status.PARTIAL, "su is usable", h -> h.hostFile("/usr/bin/su", "").mode(h.path("/usr/bin/su"),
                        "rwxr-xr-x").hostFile("/etc/pam.d/su", "# auth required pam_wheel.so\nauth sufficient pam_rootok.so\n")),
                c(PATHS, Status.COMPLIANT, "su restricted", h -> h.hostFile("/usr/bin/su", "").mode(h.path("/usr/bin/su"),
                        "rwxr-xr-x").hostFile("/etc/pam.d/su", "auth required pam_wheel.so\n")),
                c(PATHS, Status.NOT_ASSESSED, "/etc/sudoers cannot be read by this user", h -> {
                    h.hostFile("/etc/sudoers", "root ALL=(ALL) ALL\n").unreadable.add("/etc/sudoers");
                    h.root = false;
                }),
                c(PATHS, Status.ERROR, "/etc/sudoers:2: not a Defaults",
                        h -> h.hostFile("/etc/sudoers", "root ALL=(ALL) ALL\nthis is not sudoers\n")));
    }

    /** sudoers read as sudo reads it, through alternate_privilege_paths_restricted. */
    static Stream<Arguments> sudoersAsSudoReadsIt() {
        return Stream.of(
                c(PATHS, Status.VIOLATION, "include loop", h -> h
                        .hostFile("/etc/sudoers", "root ALL=(ALL) ALL\n@includedir /etc/sudoers.d\n")
                        .hostFile("/etc/sudoers.d/ci", "#include /etc/sudoers\n@include ci\n"
                                + "deploy ALL=(ALL) NOPASSWD: ALL\n")),
                c(PATHS, Status.COMPLIANT, "read /etc/sudoers, /etc/sudoers.d/zz", h -> h
                        // sudo skips names ending in ~ or holding a '.' in an includedir.
                        .hostFile("/etc/sudoers", "#includedir /etc/sudoers.d\n")
                        .hostFile("/etc/sudoers.d/x~", "deploy ALL=(ALL) NOPASSWD: ALL\n")
                        .hostFile("/etc/sudoers.d/a.b", "deploy ALL=(ALL) NOPASSWD: ALL\n")
                        .hostFile("/etc/sudoers.d/zz", "deploy ALL=(ALL) ALL\n")),
                c(PATHS, Status.VIOLATION, "/etc/sudoers.d/evil\\x1b[2J:1: deploy", h -> h
                        // A file name is hostile too: shown, never obeyed.
                        .hostFile("/etc/sudoers", "@includedir /etc/sudoers.d\n")
                        .hostFile("/etc/sudoers.d/evil\u001b[2J", "deploy ALL=(ALL) NOPASSWD: ALL\n")),
                c(PATHS, Status.VIOLATION, "/etc/sudoers.local:1", h -> h
                        .hostFile("/etc/sudoers", "@include \"sudoers.local\"\n")
                        .hostFile("/etc/sudoers.local", "deploy ALL=(ALL) NOPASSWD: /usr/bin/apt\n")),
                c(PATHS, Status.VIOLATION, "/etc/sudoers:2: deploy ALL = (root) NOPASSWD: /bin/ls", h -> h
                        .hostFile("/etc/sudoers", "# a comment\ndeploy ALL = (root) \\\n    NOPASSWD: /bin/ls\n")),
                c(PATHS, Status.COMPLIANT, "no passwordless", h -> h
                        // PASSWD ends a NOPASSWD: cat asks a password; a NOPASSWD in a comment is a comment.
                        .hostFile("/etc/sudoers", "deploy ALL = (root) PASSWD: /bin/cat # NOPASSWD: ALL\n"
                                + "Cmnd_Alias PKG = sha256:abc /usr/bin/apt\nRunas_Alias OPS = root, www-data\n"
                                + "Host_Alias HERE = localhost\n")),
                c(PATHS, Status.VIOLATION, "OPS ALL=(ALL) NOPASSWD: ALL", h -> {
                    // An alias that names the agent among others is the agent's rule: counted by the approval check.
                    agent(h);
                    h.hostFile("/etc/sudoers", "User_Alias OPS = deploy, admin\nOPS ALL=(ALL) NOPASSWD: ALL\n");
                }),
                c(PATHS, Status.COMPLIANT, "counted by privilege_approval_required", h -> {
                    agent(h);
                    h.hostFile("/etc/sudoers", "User_Alias BOTS = %#1001, !deploy : OPS = admin\n"
                            + "BOTS ALL=(ALL) NOPASSWD: ALL\n");
                }));
    }

    static Stream<Arguments> factor() {
        return Stream.of(
                c(FACTOR, Status.COMPLIANT, "no agent account found to test its reach", h -> h
                        .config(Map.of("totp_secret_file", "totp-secret"))
                        .file(h.home.dir().resolve("totp-secret"), "JBSWY3DPEHPK3PXP")),
                c(FACTOR, Status.COMPLIANT, "TOTP secret the agent cannot read", h -> {
                    agent(h);
                    h.config(Map.of("totp_secret_file", "totp-secret"))
                            .file(h.home.dir().resolve("totp-secret"), "JBSWY3DPEHPK3PXP");
                }),
                c(FACTOR, Status.VIOLATION, "the agent can read the TOTP secret", h -> secret(h, "totp_secret_file",
                        "rw-r--r--", 0)),
                c(FACTOR, Status.VIOLATION, "TOTP secret is missing", h -> h.config(Map.of("totp_secret_file", "totp-secret"))),
                c(FACTOR, Status.VIOLATION, "one keypress", h -> { }),
                c(FACTOR, Status.ERROR, "cannot be parsed", h -> h.file(h.home.config(), "{\"idle_timeout_minutes\": 0}")),
                c(FACTOR, Status.COMPLIANT, "cannot enter it", h -> {
                    // 0644, but in the admin's 0700 state folder: the agent cannot reach it.
                    agent(h);
                    h.config(Map.of(TOKEN, "approval-token")).file(h.home.dir().resolve("approval-token"),
                            "s3cret").mode(h.home.dir().resolve("approval-token"), "rw-r--r--");
                }),
                c(FACTOR, Status.VIOLATION, "the agent can read the token", h -> secret(h, TOKEN, "rw-r--r--", 0)),
                c(FACTOR, Status.VIOLATION, "uid 1001 can read it", h -> secret(h, TOKEN, "rw-r-----", AGENT)),
                c(FACTOR, Status.COMPLIANT, "uid 1001 cannot read it", h -> secret(h, TOKEN, "rw-------", 0)),
                c(FACTOR, Status.VIOLATION, "the token is missing", h -> {
                    agent(h);
                    h.config(Map.of(TOKEN, "approval-token"));
                }),
                c(FACTOR, Status.NOT_ASSESSED, "agent_users", h -> h.config(Map.of(TOKEN, "approval-token"))
                        .file(h.home.dir().resolve("approval-token"), "s3cret")));
    }

    static Stream<Arguments> hook() {
        return Stream.of(
                c(HOOK, Status.COMPLIANT, "installed", PreparedHome::shim),
                c(HOOK, Status.VIOLATION, "no sudo shim", h -> { }));
    }

    /** The secret {@code field} names, in folders anyone may enter, with {@code mode} and group {@code gid}. */
    private static void secret(PreparedHome h, String field, String mode, int gid) {
        agent(h);
        Path dir = h.hostRoot.resolveSibling("shared");
        Path token = dir.resolve("secret");
        h.file(token, "s3cret").mode(token, mode).mode(dir, "rwxr-xr-x").mode(dir.getParent(), "rwxr-xr-x")
                .config(Map.of(field, token.toString()));
        try {
            Files.setAttribute(token, "unix:gid", gid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkAgainstMadeUpHost(String name, String checkId, Status expected, String observed,
                                Consumer<PreparedHome> setup, @TempDir Path root) throws Exception {
        CheckCases.verify(checkId, expected, observed, setup, root);
    }

    @Test
    void everyStatusOfTheseChecksHasACase() {
        Map<String, List<Status>> expected = Map.of(
                APPROVAL, List.of(Status.COMPLIANT, Status.PARTIAL, Status.VIOLATION, Status.NOT_APPLICABLE,
                        Status.NOT_ASSESSED, Status.ERROR),
                LEAST, List.of(Status.COMPLIANT, Status.VIOLATION, Status.NOT_ASSESSED),
                GROUPS, List.of(Status.COMPLIANT, Status.PARTIAL, Status.VIOLATION, Status.NOT_ASSESSED),
                PATHS, List.of(Status.COMPLIANT, Status.PARTIAL, Status.VIOLATION, Status.NOT_ASSESSED, Status.ERROR),
                FACTOR, List.of(Status.COMPLIANT, Status.VIOLATION, Status.NOT_ASSESSED, Status.ERROR),
                HOOK, List.of(Status.COMPLIANT, Status.VIOLATION));
        expected.forEach((check, statuses) -> assertThat(cases().map(Arguments::get).filter(a -> a[1].equals(check))
                .map(a -> (Status) a[2]).distinct()).as(check).containsExactlyInAnyOrderElementsOf(statuses));
    }

    @Test
    void theAgentsIdentityComesFromItsProcess(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.accounts().hostFile("/etc/group", "adm:x:4:agent\nagent:x:1001:\n")
                .gateway(PID, AGENT, "HOME=/home/agent", "PATH=/opt/bin:/usr/bin", "OPENCLAW_STATE_DIR=/srv/oc")
                .config(Map.of("agent_users", List.of("deploy", "nobody-here")));
        AgentIdentity id = h.signals().agents();
        assertThat(id.users()).extracting(AgentIdentity.AgentUser::label).containsExactly("agent (uid 1001)",
                "deploy (uid 1002)");
        AgentIdentity.AgentUser agent = id.users().get(0);
        assertThat(agent.groupNames()).containsExactlyInAnyOrder("adm", "agent");
        assertThat(agent.path()).isEqualTo("/opt/bin:/usr/bin");
        assertThat(agent.stateDir()).isEqualTo("/srv/oc");
        assertThat(id.users().get(1).path()).isNull();
        assertThat(id.users().get(1).pathEvidence()).contains("no OpenClaw process of deploy");
        assertThat(id.problems()).anyMatch(p -> p.contains("nobody-here"));
    }

    @Test
    void sudoersRulesMatchAsSudoMatchesThem(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.hostFile("/etc/sudoers", """
                Defaults env_reset
                Defaults:BOTS !authenticate
                Defaults:admin authenticate
                User_Alias BOTS = agent, %#2000
                User_Alias EVERYONE_BUT = ALL, !agent
                EVERYONE_BUT ALL = (root) /usr/bin/id
                %ops, #1001 ALL=(ALL:ALL) ALL
                """);
        Sudoers s = SudoersParser.parse(h).orElseThrow();
        Sudoers.Person agent = new Sudoers.Person("agent", AGENT, java.util.Set.of("agent"), java.util.Set.of(AGENT));
        Sudoers.Person admin = new Sudoers.Person("admin", 1000, java.util.Set.of("ops"), java.util.Set.of(1000));
        assertThat(s.problems()).isEmpty();
        assertThat(s.rulesOf(agent)).extracting(Sudoers.Rule::source).containsExactly("/etc/sudoers:7");
        assertThat(s.authenticates(agent)).isFalse();
        assertThat(s.passwordlessRulesOf(agent)).hasSize(1);
        assertThat(s.rulesOf(admin)).extracting(Sudoers.Rule::source).containsExactly("/etc/sudoers:6", "/etc/sudoers:7");
        assertThat(s.authenticates(admin)).isTrue();
    }

    /** Ubuntu's stock sudoers with cloud-init's drop-in, as a host has them (README is read: it has no '.'). */
    @Test
    void aStockUbuntuSudoersIsReadAsSudoReadsIt(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.accounts().gateway(PID, AGENT, "PATH=/usr/bin:/bin").hostFile("/etc/sudoers", """
                #
                # This file MUST be edited with the 'visudo' command as root.
                #
                Defaults	env_reset
                Defaults	mail_badpass
                Defaults	secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin"
                Defaults	use_pty

                # Host alias specification

                # User alias specification

                # Cmnd alias specification

                # User privilege specification
                root	ALL=(ALL:ALL) ALL

                # Members of the admin group may gain root privileges
                %admin ALL=(ALL) ALL

                # Allow members of group sudo to execute any command
                %sudo	ALL=(ALL:ALL) ALL

                # See sudoers(5) for more information on "@include" directives:

                @includedir /etc/sudoers.d
                """).hostFile("/etc/sudoers.d/README", """
                #
                # The default /etc/sudoers file created on installation of the
                # sudo  package now includes the directive:
                #
                # 	@includedir /etc/sudoers.d
                #
                """).hostFile("/etc/sudoers.d/90-cloud-init-users", """
                # Created by cloud-init v. 23.1 on Tue, 01 Aug 2026 10:00:00 +0000

                # User rules for ubuntu
                ubuntu ALL=(ALL) NOPASSWD:ALL
                """).hostFile("/etc/group", "sudo:x:27:admin,agent\nagent:x:1001:\n");
        Sudoers s = SudoersParser.parse(h).orElseThrow();
        assertThat(s.problems()).isEmpty();
        assertThat(s.files()).containsExactly("/etc/sudoers", "/etc/sudoers.d/90-cloud-init-users",
                "/etc/sudoers.d/README");
        CheckResult paths = CheckCases.result(h, PATHS);
        assertThat(paths.status()).isEqualTo(Status.VIOLATION);
        assertThat(paths.evidence()).contains("/etc/sudoers.d/90-cloud-init-users:4: ubuntu ALL=(ALL) NOPASSWD:ALL")
                .doesNotContain("%sudo");
        CheckResult approval = CheckCases.result(h, APPROVAL);
        assertThat(approval.status()).isEqualTo(Status.VIOLATION);
        assertThat(approval.evidence()).contains("/etc/sudoers:22: %sudo ALL=(ALL:ALL) ALL")
                .contains("sudo is not installed");
        assertThat(approval.mitigation()).contains("agent");
    }

    @Test
    void aDeepIncludeChainEnds(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.hostFile("/etc/sudoers", "@include /etc/s0\n");
        for (int i = 0; i < 40; i++) {
            h.hostFile("/etc/s" + i, "@include /etc/s" + (i + 1) + "\n");
        }
        Optional<Sudoers> s = SudoersParser.parse(h);
        assertThat(s.orElseThrow().files()).hasSizeLessThanOrEqualTo(16);
        assertThat(s.get().notes()).anyMatch(n -> n.contains("nested includes"));
    }

    @Test
    void oneRootOnlyFileInAnIncludedirIsUnreadable(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.hostFile("/etc/sudoers", "@includedir /etc/sudoers.d\n").hostFile("/etc/sudoers.d/agent", "agent ALL=(ALL) ALL\n");
        h.unreadable.add("/etc/sudoers.d/agent");
        h.root = false;
        CheckResult r = CheckCases.result(h, PATHS);
        assertThat(r.status()).isEqualTo(Status.NOT_ASSESSED);
        assertThat(r.evidence()).startsWith("/etc/sudoers.d/agent");
        assertThat(r.mitigation()).contains("as root");
    }

    @Test
    void aProcessWithAHugeCommandLineIsReadInBoundedParts(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        String[] words = new String[10_000];
        java.util.Arrays.fill(words, "x".repeat(500));
        List<String> argv = new java.util.ArrayList<>(List.of("node", "/usr/lib/node_modules/openclaw/openclaw.mjs",
                "gateway"));
        argv.addAll(List.of(words));
        h.accounts().process(PID, AGENT, "/usr/bin/node", argv);
        AgentIdentity id = h.signals().agents();
        assertThat(id.processes()).hasSize(1);
        assertThat(id.processes().get(0).commandLine().length()).isLessThanOrEqualTo(Evidence.MAX_TEXT + 1);
    }

}
