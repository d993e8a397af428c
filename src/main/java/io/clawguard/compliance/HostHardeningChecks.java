package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.notApplicable;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.unreadable;
import static io.clawguard.compliance.CheckResult.violation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's own hardening, read from its real state (sshd's configuration, the kernel's audit
 * rules, the packet filter, pending updates, Yama and AppArmor), never from a proxy. Each check
 * names the file or tool it read; what it could not read is not_assessed, never guessed.
 */
final class HostHardeningChecks {
    private HostHardeningChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of("sshd_root_login_disabled", s -> guarded(() -> sshd(s, HostHardeningChecks::rootLogin))),
                Check.of("sshd_password_auth_disabled", s -> guarded(() -> sshd(s, HostHardeningChecks::passwords))),
                Check.of("auditd_privileged_rules", s -> guarded(() -> AuditdCheck.evaluate(s))),
                Check.of("host_firewall_default_deny", FirewallCheck::evaluate),
                Check.of("security_updates_applied", s -> guarded(() -> UpdatesCheck.evaluate(s))),
                Check.of("ptrace_scope_restricted", s -> guarded(() -> ptrace(s))),
                Check.of("apparmor_enforcing", s -> guarded(() -> AppArmorCheck.evaluate(s))));
    }

    /** A check body that reads host files. */
    interface Reading {
        CheckResult.Draft run() throws IOException;
    }

    /**
     * A root-only file is unreadable() (root would assess it), a file that is no text to judge is
     * error(), and any other failure to read is not_assessed naming it.
     */
    static CheckResult.Draft guarded(Reading body) {
        try {
            return body.run();
        } catch (AccessDeniedException e) {
            return unreadable(e.getFile(), "permission denied");
        } catch (HostFile.Unusable e) {
            return error(e.file(), e.getMessage(), "Replace " + e.file() + " with the regular text file its tool"
                    + " expects (a config this large or this odd is worth looking at: who wrote it?).");
        } catch (IOException e) {
            return notAssessed("the host's configuration cannot be read", String.valueOf(e.getMessage()));
        }
    }

    private interface SshdJudge {
        CheckResult.Draft judge(SshdSettings settings);
    }

    private static CheckResult.Draft sshd(Signals s, SshdJudge judge) throws IOException {
        Optional<SshdSettings> settings = SshdSettings.read(s.host());
        if (settings.isEmpty()) {
            return notApplicable("no SSH server is installed", "no sshd in /usr/sbin, /usr/bin, /sbin or /bin, and no "
                    + SshdSettings.CONFIG);
        }
        return judge.judge(settings.get());
    }

    private static CheckResult.Draft rootLogin(SshdSettings c) {
        SshdSettings.Setting v = c.get("permitrootlogin", "prohibit-password");
        List<SshdSettings.Setting> exceptions = c.exceptions("permitrootlogin", "no");
        String evidence = v.shown("PermitRootLogin") + exceptionsShown("PermitRootLogin", exceptions) + "; read from "
                + c.source();
        String fix = sshdFix("PermitRootLogin no", List.of(v)) + " Log in as a named user and use sudo instead.";
        return switch (v.value().toLowerCase(java.util.Locale.ROOT)) {
            case "no" -> exceptions.isEmpty() ? compliant("root cannot log in over SSH", evidence)
                    : partial("root cannot log in over SSH, except where a Match block allows it", evidence,
                    "some connections may still log in as root", "Remove PermitRootLogin from those Match blocks"
                            + " in the file and line named, then sshd -t && systemctl reload ssh.");
            case "prohibit-password", "without-password", "forced-commands-only" -> partial(
                    "root may log in over SSH with a key (" + Evidence.text(v.value()) + ")", evidence,
                    "a stolen root key logs in directly, with no named user in the logs", fix);
            case "yes" -> violation("root may log in over SSH with a password", evidence,
                    "root's password can be guessed from the network, and logins are anonymous", fix);
            default -> error(v.where(), "PermitRootLogin " + Evidence.text(v.value()) + " is no value sshd accepts", fix);
        };
    }

    /**
     * PasswordAuthentication yes is a violation: a password is guessed from the network. Only
     * keyboard-interactive left on is partial: it asks what PAM asks, a password with pam_unix but
     * possibly a one-time code, and PAM's stack is not read here.
     */
    private static CheckResult.Draft passwords(SshdSettings c) {
        SshdSettings.Setting pw = c.get("passwordauthentication", "yes");
        SshdSettings.Setting kbd = c.get("kbdinteractiveauthentication", "yes");
        List<SshdSettings.Setting> exceptions = new ArrayList<>(c.exceptions("passwordauthentication", "no"));
        exceptions.addAll(c.exceptions("kbdinteractiveauthentication", "no"));
        String evidence = pw.shown("PasswordAuthentication") + ", " + kbd.shown("KbdInteractiveAuthentication")
                + exceptionsShown("a password setting", exceptions) + "; read from " + c.source();
        String fix = sshdFix("PasswordAuthentication no and KbdInteractiveAuthentication no", List.of(pw, kbd))
                + " Install every user's public key (~/.ssh/authorized_keys) first.";
        for (SshdSettings.Setting v : List.of(pw, kbd)) {
            if (!v.value().equalsIgnoreCase("yes") && !v.value().equalsIgnoreCase("no")) {
                return error(v.where(), "a yes/no setting is " + Evidence.text(v.value()), fix);
            }
        }
        if (pw.value().equalsIgnoreCase("yes")) {
            return violation("SSH accepts passwords", evidence, "passwords can be guessed or replayed from the network",
                    fix);
        }
        if (kbd.value().equalsIgnoreCase("yes")) {
            return partial("SSH accepts keyboard-interactive logins (PAM prompts)", evidence,
                    "with pam_unix in /etc/pam.d/sshd this is a password login by another name", fix);
        }
        return exceptions.isEmpty() ? compliant("SSH accepts keys only", evidence)
                : partial("SSH accepts keys only, except where a Match block allows passwords", evidence,
                "some connections may still log in with a password",
                "Remove the password settings from those Match blocks, then sshd -t && systemctl reload ssh.");
    }

    /** Where to change a setting: where the value in force is set, else above sshd_config's Includes. */
    private static String sshdFix(String setting, List<SshdSettings.Setting> inForce) {
        List<String> where = inForce.stream().map(SshdSettings.Setting::where).filter(w -> w.contains(" line "))
                .distinct().toList();
        return "Set " + setting + (where.isEmpty() ? " in " + SshdSettings.CONFIG + " above its Include lines (sshd"
                + " reads an Include in place and the first value wins)" : " where the value in force is set ("
                + String.join(", ", where) + ")") + ", then check and reload: sshd -t && systemctl reload ssh.";
    }

    /** The first few Match blocks that differ, and how many more: evidence, not a copy of the file. */
    private static String exceptionsShown(String what, List<SshdSettings.Setting> exceptions) {
        return exceptions.isEmpty() ? "" : "; a Match block sets " + what + " otherwise: "
                + String.join(", ", exceptions.stream().limit(3).map(e -> Evidence.text(e.value()) + " (" + e.where() + ")")
                .toList()) + (exceptions.size() > 3 ? " and " + (exceptions.size() - 3) + " more" : "");
    }

    /**
     * Yama's ptrace_scope: 0 lets a process read the memory of every process of its user (the
     * agent, its keys and its browser sessions). A kernel without Yama (the file missing) has no
     * such limit at all, so that is a violation too, not an unknown.
     */
    private static CheckResult.Draft ptrace(Signals s) throws IOException {
        String file = "/proc/sys/kernel/yama/ptrace_scope";
        String fix = "Set kernel.yama.ptrace_scope = 1 in /etc/sysctl.d/10-ptrace.conf, then sysctl --system.";
        Optional<String> text = HostFile.read(s.host(), file);
        if (text.isEmpty()) {
            return violation("the kernel has no Yama LSM: process tracing is unrestricted, as with scope 0",
                    file + " does not exist", "any process may read the memory of its user's other processes",
                    "Boot a kernel with Yama (CONFIG_SECURITY_YAMA, lsm= including yama), then: " + fix);
        }
        String value = text.get().strip();
        if (!value.matches("[0-3]")) {
            return error(file, "holds " + Evidence.text(value.length() > 40 ? value.substring(0, 40) + "…" : value)
                    + ", not 0 to 3", fix);
        }
        String evidence = file + ": " + value;
        return value.equals("0")
                ? violation("ptrace_scope is 0: any process may trace its user's others", evidence,
                "a compromised agent can read secrets from other processes of its user", fix)
                : compliant("ptrace_scope is " + value + ": tracing is limited to descendants or admins", evidence);
    }
}
