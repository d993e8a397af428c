package io.clawguard.compliance;

import static io.clawguard.compliance.CheckCases.c;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host hardening checks, backups and cleartext services against prepared hosts: every status
 * each can give, then hostile hosts (Include loops, a 10 MB config, escapes in what is shown).
 */
class HostHardeningChecksTest {
    private static final String SSHD = "/etc/ssh/sshd_config";
    static final String SSHD_T = "port 22\npermitrootlogin no\npasswordauthentication no\n"
            + "kbdinteractiveauthentication no\n";
    static final String AUDIT_STATUS = "enabled 1\nfailure 1\npid 812\nrate_limit 0\n";
    static final String AUDIT_RULES = "-w /etc/sudoers -p wa -k scope\n-w /etc/sudoers.d/ -p wa -k scope\n"
            + "-a always,exit -F arch=b64 -S execve -C uid!=euid -F euid=0 -F key=privileged\n";
    static final String NFT_BOTH = "table inet filter {\n\tchain input {\n\t\ttype filter hook input priority"
            + " filter; policy drop;\n\t\tct state established,related accept\n\t\ttcp dport 22 accept\n\t}\n"
            + "\tchain output {\n\t\ttype filter hook output priority filter; policy drop;\n\t\tip daddr { 10.0.0.0/8,"
            + " 192.0.2.0/24 } accept\n\t}\n}\n";
    private static final String APT = "apt-get -s -o Debug::NoLocking=true upgrade";
    private static final String APT_SECURITY = "Inst libssl3 [3.0.11-1~deb12u1] (3.0.15-1~deb12u1 Debian-Security:12/"
            + "stable-security [amd64])\nInst tzdata [2024a-0+deb12u1] (2024b-0+deb12u1 Debian:12.7/stable [all])\n";
    static final String APT_CLEAN = "Inst tzdata [2024a-0+deb12u1] (2024b-0+deb12u1 Debian:12.7/stable [all])\n";
    private static final String LISTS_FILE = "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64"
            + "_Packages";
    static final String AUTO = "/etc/apt/apt.conf.d/20auto-upgrades";
    static final String PTRACE = "/proc/sys/kernel/yama/ptrace_scope";
    static final String AA = "/sys/module/apparmor/parameters/enabled";
    static final String AA_PROFILES = "/sys/kernel/security/apparmor/profiles";



    static Stream<Arguments> cases() {
        return Stream.of(sshd(), auditd(), firewall(), updates(), ptrace(), apparmor(), backups(), cleartext(), attacks())
                .flatMap(s -> s);
    }

    static Stream<Arguments> sshd() {
        String root = "sshd_root_login_disabled";
        String pw = "sshd_password_auth_disabled";
        return Stream.of(
                c(root, Status.COMPLIANT, "sshd -T", h -> h.tool("sshd -T", 0, SSHD_T)),
                c("root: first value wins across Includes", root, Status.COMPLIANT, "10-hardening.conf line 1",
                        h -> h.hostFile(SSHD, "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\n")
                                .hostFile("/etc/ssh/sshd_config.d/10-hardening.conf", "PermitRootLogin=no\n")
                                .hostFile("/etc/ssh/sshd_config.d/20-cloud.conf", "PermitRootLogin yes\n")),
                c("root: not root, sshd -T refuses, the files are read", root, Status.COMPLIANT, "it needs root", h -> {
                    h.root = false;
                    h.tool("sshd -T", 1, "").hostFile(SSHD, "permitrootlogin no\n");
                }),
                c(root, Status.PARTIAL, "OpenSSH's default", h -> h.hostFile(SSHD, "Port 22\n")),
                c("root: sshd -T fails as root, the files are read", root, Status.PARTIAL, "sshd -T exited 255",
                        h -> h.tool("sshd -T", 255, "").hostFile(SSHD, "PermitRootLogin forced-commands-only\n")),
                c("root: a Match block lets root in", root, Status.PARTIAL, "except where a Match block",
                        h -> h.hostFile(SSHD, "PermitRootLogin no\nMatch Address 10.0.0.0/8\n  PermitRootLogin yes\n")),
                c(root, Status.VIOLATION, "with a password", h -> h.hostFile(SSHD, "# comment\nPermitRootLogin yes\n")),
                c(root, Status.NOT_APPLICABLE, "no SSH server", h -> { }),
                c(root, Status.NOT_ASSESSED, "cannot be read by this user", h -> {
                    h.root = false;
                    h.hostFile(SSHD, "PermitRootLogin no\n").unreadable.add(SSHD);
                }),
                c(root, Status.ERROR, "no value sshd accepts", h -> h.hostFile(SSHD, "PermitRootLogin maybe\n")),
                c(pw, Status.COMPLIANT, "keys only", h -> h.tool("sshd -T", 0, SSHD_T)),
                c("password: the old ChallengeResponseAuthentication name", pw, Status.COMPLIANT, "keys only",
                        h -> h.hostFile(SSHD, "PasswordAuthentication no\nChallengeResponseAuthentication no\n")),
                c(pw, Status.PARTIAL, "keyboard-interactive", h -> h.hostFile(SSHD, "PasswordAuthentication no\n")),
                c(pw, Status.VIOLATION, "OpenSSH's default", h -> h.hostFile(SSHD, "UsePAM yes\n")),
                c(pw, Status.NOT_APPLICABLE, "no SSH server", h -> { }),
                c("password: an included file is root-only", pw, Status.NOT_ASSESSED, "secret.conf", h -> {
                    h.root = false;
                    h.hostFile(SSHD, "Include sshd_config.d/*.conf\n").hostFile("/etc/ssh/sshd_config.d/secret.conf",
                            "PasswordAuthentication no\n").unreadable.add("/etc/ssh/sshd_config.d/secret.conf");
                }),
                c(pw, Status.ERROR, "cannot be parsed", h -> h.hostFile(SSHD, "PasswordAuthentication perhaps\n")));
    }

    static Stream<Arguments> auditd() {
        String id = "auditd_privileged_rules";
        return Stream.of(
                c(id, Status.COMPLIANT, "auditctl -l", h -> h.tool("auditctl -s", 0, AUDIT_STATUS)
                        .tool("auditctl -l", 0, AUDIT_RULES)),
                c("auditd: not root, the pid file and rule files", id, Status.COMPLIANT, "on disk", h -> {
                    h.root = false;
                    h.tool("auditctl -s", 1, "").hostFile("/run/auditd.pid", "812\n").hostFile("/proc/812/status", "")
                            .hostFile("/etc/audit/rules.d/50-privileged.rules", AUDIT_RULES);
                }),
                c(id, Status.PARTIAL, "no rule recording privileged command execution", h -> h.tool("auditctl -s", 0,
                        AUDIT_STATUS).tool("auditctl -l", 0, "-w /etc/sudoers -p wa\n-w /etc/sudoers.d -p wa\n"
                        + "-a never,exit -F arch=b64 -S execve -F euid=0\n-a always,exit -S execve -F euid!=0\n")),
                c(id, Status.VIOLATION, "not installed", h -> { }),
                c("auditd: installed but not running", id, Status.VIOLATION, "not running",
                        h -> h.tool("auditctl -s", 0, "enabled 0\nfailure 1\npid 0\n")),
                c("auditd: running without rules", id, Status.VIOLATION, "no rule for sudoers",
                        h -> h.tool("auditctl -s", 0, AUDIT_STATUS).tool("auditctl -l", 0, "No rules\n")),
                c(id, Status.NOT_ASSESSED, "auditctl is missing", h -> h.hostFile("/usr/sbin/auditd", "")),
                c("auditd: root-only rules", id, Status.NOT_ASSESSED, "cannot be read by this user", h -> {
                    h.root = false;
                    h.tool("auditctl -s", 1, "").hostFile("/run/auditd.pid", "812\n").hostFile("/proc/812/status", "")
                            .hostFile("/etc/audit/audit.rules", AUDIT_RULES).unreadable.add("/etc/audit/audit.rules");
                }),
                c(id, Status.ERROR, "no enabled or pid line", h -> h.tool("auditctl -s", 0, "garbage\n")));
    }

    static Stream<Arguments> firewall() {
        String id = "host_firewall_default_deny";
        return Stream.of(
                c(id, Status.COMPLIANT, "nft chain output (hook output) policy drop", h -> ipv6(h).tool(
                        "nft list ruleset", 0, NFT_BOTH)),
                c("firewall: iptables and ip6tables", id, Status.COMPLIANT, "ip6tables -S: -A OUTPUT -j REJECT",
                        h -> ipv6(h).tool("iptables -S", 0, "-P INPUT DROP\n-P FORWARD DROP\n-P OUTPUT DROP\n")
                                .tool("ip6tables -S", 0, "-P INPUT DROP\n-P OUTPUT ACCEPT\n-A OUTPUT -o lo -j ACCEPT\n"
                                        + "-A OUTPUT -j REJECT --reject-with icmp6-port-unreachable\n")),
                c("firewall: ufw", id, Status.COMPLIANT, "deny (outgoing)", h -> ipv6(h).tool("ufw status verbose", 0,
                        "Status: active\nLogging: on (low)\nDefault: deny (incoming), deny (outgoing), disabled (routed)\n")),
                c("firewall: a final drop rule", id, Status.COMPLIANT, "ends with counter packets 0 bytes 0 drop",
                        h -> ipv6(h).tool("nft list ruleset", 0, NFT_BOTH.replace("filter; policy drop;\n\t\tct",
                                "filter; policy accept;\n\t\tct").replace("22 accept\n", "22 accept\n"
                                + "\t\tcounter packets 0 bytes 0 drop\n"))),
                c(id, Status.PARTIAL, "outbound is open", h -> ipv6(h).tool("nft list ruleset", 0,
                        NFT_BOTH.replace("output priority filter; policy drop", "output priority filter; policy accept"))),
                c(id, Status.VIOLATION, "no default-deny", h -> ipv6(h).tool("nft list ruleset", 0,
                        NFT_BOTH.replace("policy drop", "policy accept"))),
                c("firewall: IPv4 only while IPv6 is on", id, Status.VIOLATION, "IPV6", h -> ipv6(h).tool(
                        "iptables -S", 0, "-P INPUT DROP\n-P OUTPUT DROP\n").tool("ip6tables -S", 0, "-P INPUT ACCEPT\n")),
                c("firewall: no tool at all", id, Status.VIOLATION, "no packet filter tool", h -> { }),
                c(id, Status.NOT_ASSESSED, "need root", h -> {
                    h.root = false;
                    h.tool("nft list ruleset", 1, "");
                }));
    }

    static Stream<Arguments> updates() {
        String id = "security_updates_applied";
        return Stream.of(
                c(id, Status.COMPLIANT, "0 security update(s) pending", h -> apt(h, APT_CLEAN, true)
                        .hostFile(AUTO, "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n")),
                c("updates: nothing pending per month-old lists", id, Status.PARTIAL, "days old", h -> {
                    apt(h, APT_CLEAN, true).hostFile(AUTO, "APT::Periodic::Unattended-Upgrade \"1\";\n");
                    try {
                        Files.setLastModifiedTime(h.path(LISTS_FILE), FileTime.from(Instant.now().minus(Duration.ofDays(30))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }),
                c(id, Status.PARTIAL, "libssl3", h -> apt(h, APT_SECURITY, true)
                        .hostFile(AUTO, "APT::Periodic::Unattended-Upgrade \"1\";\n")),
                c("updates: a later part turns it off", id, Status.PARTIAL, "99-off", h -> apt(h, APT_CLEAN, true)
                        .hostFile(AUTO, "APT::Periodic::Unattended-Upgrade \"1\";\n")
                        .hostFile("/etc/apt/apt.conf.d/99-off", "// no\nAPT::Periodic::Unattended-Upgrade \"0\";\n")),
                c("updates: apt ignores a .dpkg-old part", id, Status.PARTIAL, "not set (off)", h -> apt(h, APT_CLEAN, true)
                        .hostFile("/etc/apt/apt.conf.d/20auto-upgrades.dpkg-old", "APT::Periodic::Unattended-Upgrade \"1\";\n")),
                c(id, Status.VIOLATION, "no automatic updates", h -> apt(h, APT_SECURITY, false)),
                c(id, Status.NOT_ASSESSED, "no apt-get", h -> { }),
                c("updates: lists never fetched", id, Status.NOT_ASSESSED, "apt-get update never ran",
                        h -> h.tool(APT, 0, APT_CLEAN)),
                c(id, Status.ERROR, "not a number of days", h -> apt(h, APT_CLEAN, true)
                        .hostFile(AUTO, "APT::Periodic::Unattended-Upgrade \"always\";\n")));
    }

    static Stream<Arguments> ptrace() {
        String id = "ptrace_scope_restricted";
        return Stream.of(
                c(id, Status.COMPLIANT, "ptrace_scope is 1", h -> h.hostFile(PTRACE, "1\n")),
                c(id, Status.VIOLATION, "ptrace_scope is 0", h -> h.hostFile(PTRACE, "0\n")),
                c("ptrace: no Yama in the kernel", id, Status.VIOLATION, "no Yama", h -> { }),
                c(id, Status.ERROR, "not 0 to 3", h -> h.hostFile(PTRACE, "banana\n")));
    }

    static Stream<Arguments> apparmor() {
        String id = "apparmor_enforcing";
        return Stream.of(
                c(id, Status.COMPLIANT, "1 enforcing, 0 complain, 1 unconfined by design", h -> h.hostFile(AA, "Y\n")
                        .hostFile(AA_PROFILES, "/usr/bin/man (enforce)\nunprivileged_userns (unconfined)\n")),
                c("apparmor: root-only list, aa-status answers", id, Status.COMPLIANT, "aa-status --json", h -> {
                    h.hostFile(AA, "Y\n").hostFile(AA_PROFILES, "").unreadable.add(AA_PROFILES);
                    h.tool("aa-status --json", 0, "{\"version\": \"2\", \"profiles\": {\"/usr/sbin/cupsd\": \"enforce\"},"
                            + " \"processes\": {}}");
                }),
                c(id, Status.PARTIAL, "/usr/sbin/cupsd", h -> h.hostFile(AA, "Y\n")
                        .hostFile(AA_PROFILES, "/usr/bin/man (enforce)\n/usr/sbin/cupsd (complain)\n")),
                c("apparmor: no profile loaded", id, Status.PARTIAL, "no profile is loaded",
                        h -> h.hostFile(AA, "Y\n").hostFile(AA_PROFILES, "")),
                c(id, Status.VIOLATION, "disabled", h -> h.hostFile(AA, "N\n")),
                c("apparmor: not in the kernel", id, Status.VIOLATION, "not in this kernel", h -> { }),
                c(id, Status.NOT_ASSESSED, "cannot be read by this user", h -> {
                    h.root = false;
                    h.hostFile(AA, "Y\n").hostFile(AA_PROFILES, "").unreadable.add(AA_PROFILES);
                }),
                c("apparmor: no securityfs, no aa-status", id, Status.NOT_ASSESSED, "cannot be listed",
                        h -> h.hostFile(AA, "Y\n")),
                c(id, Status.ERROR, "is not \"name (mode)\"", h -> h.hostFile(AA, "Y\n").hostFile(AA_PROFILES, "junk\n")),
                c("apparmor: aa-status prints no JSON", id, Status.ERROR, "aa-status --json", h -> h.hostFile(AA, "Y\n")
                        .tool("aa-status --json", 0, "{\"profiles\": ")));
    }

    static Stream<Arguments> backups() {
        String id = "backup_configured";
        return Stream.of(
                c(id, Status.COMPLIANT, "(off the host)", h -> both(h).file(h.home.config(),
                        "{\"assessment\": {\"backup_target\": \"ssh://backup@nas.example/srv/clawguard\"}}")),
                c("backup: scp's host:path", id, Status.COMPLIANT, "off the host", h -> both(h).file(h.home.config(),
                        "{\"assessment\": {\"backup_target\": \"backup@nas.example:/srv/clawguard\"}}")),
                c("backup: the audit log alone, forwarded to syslog", id, Status.COMPLIANT, "an off-host copy",
                        h -> h.file(h.home.auditLog(), "").file(h.home.config(), syslog("192.0.2.10"))),
                c(id, Status.PARTIAL, "no off-host copy of openclaw.json", h -> both(h).file(h.home.config(),
                        syslog("192.0.2.10"))),
                c("backup: a local path is the same disk", id, Status.VIOLATION, "a path on this host", h -> both(h)
                        .file(h.home.config(), "{\"assessment\": {\"backup_target\": \"/var/backups/clawguard\"}}")),
                c("backup: localhost is this host", id, Status.VIOLATION, "is this host", h -> both(h).file(
                        h.home.config(), "{\"assessment\": {\"backup_target\": \"rsync://localhost/clawguard\"}}")),
                c("backup: a .bak beside the file no longer counts", id, Status.VIOLATION, "do not count", h -> both(h)
                        .file(h.openclawDir.resolve("openclaw.json.bak-2026-11-01"), "{}")),
                c("backup: syslog to loopback is no copy", id, Status.VIOLATION, "127.0.0.1 is this host",
                        h -> h.file(h.home.auditLog(), "").file(h.home.config(), syslog("127.0.0.1"))),
                c(id, Status.NOT_APPLICABLE, "nothing to back up", h -> { }),
                c("backup: clawguard.json unusable", id, Status.NOT_APPLICABLE, "see elevation_timeout_30m",
                        h -> both(h).file(h.home.config(), "{\"idle_timeout_minutes\": ")));
    }

    static Stream<Arguments> cleartext() {
        String id = "insecure_ports_remediated";
        return Stream.of(
                c(id, Status.COMPLIANT, "no cleartext", h -> h.listening.add(PreparedHome.listener("0.0.0.0", 22, "sshd"))),
                c(id, Status.VIOLATION, "Telnet (cleartext)",
                        h -> h.listening.add(PreparedHome.listener("127.0.0.1", 23, "telnetd"))),
                c("cleartext: a daemon on another port", id, Status.VIOLATION, "vsftpd on 0.0.0.0:2121 (FTP, cleartext)",
                        h -> h.listening.add(PreparedHome.listener("0.0.0.0", 2121, "vsftpd"))),
                c("cleartext: named once when port and daemon both tell", id, Status.VIOLATION, "1 cleartext service",
                        h -> h.listening.add(PreparedHome.listener("0.0.0.0", 23, "in.telnetd"))),
                c(id, Status.NOT_ASSESSED, "no network scan", h -> h.scanned = false));
    }

    static Stream<Arguments> attacks() {
        String root = "sshd_root_login_disabled";
        return Stream.of(
                c("attack: sshd_config includes itself", root, Status.COMPLIANT, "read already",
                        h -> h.hostFile(SSHD, "Include /etc/ssh/sshd_config\nPermitRootLogin no\n")),
                c("attack: two files include each other", root, Status.VIOLATION, "read already",
                        h -> h.hostFile(SSHD, "Include a.conf\n").hostFile("/etc/ssh/a.conf", "Include b.conf\n")
                                .hostFile("/etc/ssh/b.conf", "Include /etc/ssh/a.conf\nPermitRootLogin yes\n")),
                c("attack: Includes nested past sshd's depth", root, Status.PARTIAL, "nested deeper than 16", h -> {
                    h.hostFile(SSHD, "Include d0.conf\n");
                    for (int i = 0; i < 20; i++) {
                        h.hostFile("/etc/ssh/d" + i + ".conf", "Include d" + (i + 1) + ".conf\n");
                    }
                    h.hostFile("/etc/ssh/d20.conf", "PermitRootLogin no\n");
                }),
                c("attack: a glob of 200 files", root, Status.PARTIAL, "more than 64 files", h -> {
                    h.hostFile(SSHD, "Include /etc/ssh/many/*\n");
                    for (int i = 0; i < 200; i++) {
                        h.hostFile("/etc/ssh/many/" + String.format("%03d", i), "Port 22\n");
                    }
                }),
                c("attack: a 10 MB sshd_config", root, Status.ERROR, "over the 4 MiB",
                        h -> h.hostFile(SSHD, "#" + "x".repeat(10 << 20) + "\nPermitRootLogin no\n")),
                c("attack: an Include of /dev/zero", root, Status.ERROR, "not a regular file", h -> {
                    h.hostFile(SSHD, "Include zero.conf\nPermitRootLogin no\n");
                    PreparedHome.link(h.path("/etc/ssh/zero.conf"), Path.of("/dev/zero"));
                }),
                c("attack: escapes in a config value", root, Status.ERROR, "\\x1b[2J",
                        h -> h.hostFile(SSHD, "PermitRootLogin \u001b[2Jno\n")),
                c("attack: escapes in an included file's name", root, Status.VIOLATION, "\\x1b[31mx.conf line 1",
                        h -> h.hostFile(SSHD, "Include /etc/ssh/sshd_config.d/*.conf\n")
                                .hostFile("/etc/ssh/sshd_config.d/\u001b[31mx.conf", "PermitRootLogin yes\n")),
                c("attack: escapes in an nft chain name", "host_firewall_default_deny", Status.PARTIAL, "in\\x1bput",
                        h -> h.tool("nft list ruleset", 0, "table inet f {\n chain in\u001bput {\n  type filter hook"
                                + " input priority 0; policy drop;\n }\n}\n")),
                c("attack: a pattern Java cannot read", root, Status.PARTIAL, "OpenSSH's default",
                        h -> h.hostFile(SSHD, "Include /etc/ssh/{[\n")),
                c("attack: escapes in a process name", "insecure_ports_remediated", Status.VIOLATION, "tel\\x1b]0;ok\\x07",
                        h -> h.listening.add(PreparedHome.listener("0.0.0.0", 23, "tel\u001b]0;ok\u0007"))));
    }

    static PreparedHome ipv6(PreparedHome h) {
        return h.hostFile("/proc/sys/net/ipv6/conf/all/disable_ipv6", "0\n");
    }

    static PreparedHome apt(PreparedHome h, String simulated, boolean unattended) {
        h.tool(APT, 0, simulated).hostFile(LISTS_FILE, "");
        return unattended ? h.hostFile("/usr/bin/unattended-upgrade", "") : h;
    }

    private static PreparedHome both(PreparedHome h) {
        return h.file(h.home.auditLog(), "").openclaw("{}");
    }

    private static String syslog(String host) {
        return "{\"syslog\": {\"transport\": \"tcp\", \"host\": \"" + host + "\", \"port\": 6514}}";
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkAgainstPreparedHost(String name, String checkId, Status expected, String observed,
                                  Consumer<PreparedHome> setup, @TempDir Path root) throws Exception {
        CheckCases.verify(checkId, expected, observed, setup, root);
    }

    /** A file of a million Match lines is judged, and its evidence stays short. */
    @Test
    void evidenceStaysShortWhateverTheConfigHolds(@TempDir Path root) throws Exception {
        CheckResult r = CheckCases.result("sshd_root_login_disabled", h -> h.hostFile(SSHD, "PermitRootLogin no\n"
                + "Match User x\n PermitRootLogin yes\n".repeat(100_000)), root);
        assertThat(r.status()).isEqualTo(Status.PARTIAL);
        assertThat(r.evidence().length()).isLessThan(4000);
    }

    /** On Debian the Include comes first: a value set in sshd_config.d must be changed there, not below it. */
    @Test
    void theSshdFixNamesWhereTheValueInForceIsSet(@TempDir Path root) throws Exception {
        CheckResult r = CheckCases.result("sshd_root_login_disabled", h -> h.hostFile(SSHD, "Include sshd_config.d/*.conf\n")
                .hostFile("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PermitRootLogin yes\n"), root);
        assertThat(r.mitigation()).contains("/etc/ssh/sshd_config.d/50-cloud-init.conf line 1", "sshd -t");
    }

    @Test
    void everyStatusOfEveryCheckHasACase() {
        assertThat(cases().map(a -> a.get()[1] + " " + ((Status) a.get()[2]).wire()).distinct()).contains(
                "sshd_root_login_disabled error", "sshd_password_auth_disabled not_applicable",
                "auditd_privileged_rules not_assessed", "host_firewall_default_deny partial",
                "security_updates_applied error", "ptrace_scope_restricted error", "apparmor_enforcing error",
                "backup_configured not_applicable", "insecure_ports_remediated not_assessed");
    }

}
