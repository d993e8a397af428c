package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * auditd_privileged_rules: the kernel records sudoers changes and privileged command execution,
 * independently of ClawGuard's own log (which an intruder with root could stop). auditd absent
 * is the finding itself; auditctl missing beside it only stops the reading (not_assessed).
 */
final class AuditdCheck {
    private static final Pattern ENABLED = Pattern.compile("(?m)^enabled (\\d+)");
    private static final Pattern PID = Pattern.compile("(?m)^pid (\\d+)");
    private static final String RULES_D = "/etc/audit/rules.d";
    private static final String FIX = "Add to " + RULES_D + "/50-privileged.rules:\n"
            + "-w /etc/sudoers -p wa -k scope\n-w /etc/sudoers.d -p wa -k scope\n"
            + "-a always,exit -F arch=b64 -S execve -C uid!=euid -F euid=0 -k privileged\n"
            + "-a always,exit -F arch=b32 -S execve -C uid!=euid -F euid=0 -k privileged\n"
            + "then load them: augenrules --load.";

    private AuditdCheck() {
    }

    static CheckResult.Draft evaluate(Signals s) throws IOException {
        HostFacts host = s.host();
        Optional<HostFacts.ToolOutput> status = host.run(List.of("auditctl", "-s"));
        boolean installed = Files.exists(host.path("/usr/sbin/auditd")) || Files.exists(host.path("/sbin/auditd"));
        if (!installed && status.isEmpty()) {
            return violation("auditd is not installed: the kernel audits nothing", "no /usr/sbin/auditd, no auditctl",
                    "a root shell's commands and sudoers edits leave no record beside ClawGuard's own log",
                    "apt-get install auditd (dnf install audit), systemctl enable --now auditd, then: " + FIX);
        }
        if (status.isEmpty()) {
            return notAssessed("auditctl is missing: it is needed to read whether auditd runs and its rules",
                    "/usr/sbin/auditd present; no auditctl in /usr/sbin, /usr/bin, /sbin, /bin");
        }
        if (status.get().exitCode() == 0 && (field(ENABLED, status.get()) == null || field(PID, status.get()) == null)) {
            return error("auditctl -s", "no enabled or pid line in its output", "Check the audit package (apt-get"
                    + " install --reinstall auditd): auditctl -s prints enabled and pid lines.");
        }
        Optional<String> running = running(s, status.get());
        if (running.isEmpty()) {
            return violation("auditd is not running (or auditing is disabled)", "auditctl -s: "
                    + Evidence.text(status.get().stdout().strip() + " " + status.get().stderr().strip()),
                    "the kernel records nothing", "systemctl enable --now auditd; auditctl -e 1 (or set -e 1 in "
                            + RULES_D + "), then augenrules --load.");
        }
        Rules rules = rules(s);
        AuditRules found = AuditRules.of(rules.lines());
        List<String> missing = found.missing();
        List<String> matched = new ArrayList<>();
        found.sudoers().ifPresent(matched::add);
        found.sudoersD().ifPresent(matched::add);
        found.privilegedExec().ifPresent(matched::add);
        String evidence = running.get() + "; rules from " + rules.source() + (matched.isEmpty() ? ""
                : ": " + Evidence.text(String.join(" | ", matched)))
                + (missing.isEmpty() ? "" : "; " + String.join(", ", missing));
        if (missing.isEmpty()) {
            return compliant("auditd records sudoers changes and privileged execution", evidence);
        }
        return missing.size() < 3
                ? partial("auditd runs, but " + String.join(", ", missing), evidence,
                "part of the privileged activity leaves no kernel record", FIX)
                : violation("auditd runs with no rule for sudoers or privileged execution", evidence,
                "privileged activity leaves no kernel record", FIX);
    }

    /**
     * "auditctl -s: enabled 1, pid N" when auditing runs; empty when it is off. Refused (not root): auditd's pid file and /proc, which any user may read.
     */
    private static Optional<String> running(Signals s, HostFacts.ToolOutput status) throws IOException {
        if (status.exitCode() != 0) {
            Optional<String> pid = HostFile.read(s.host(), "/run/auditd.pid").map(String::strip);
            boolean alive = pid.isPresent() && pid.get().matches("\\d{1,9}")
                    && Files.isDirectory(s.host().path("/proc/" + pid.get()));
            return alive ? Optional.of("auditctl -s refused (exit " + status.exitCode() + "); /run/auditd.pid: "
                    + pid.get() + ", a live process") : Optional.empty();
        }
        String enabled = field(ENABLED, status);
        String pid = field(PID, status);
        boolean on = enabled.equals("1") || enabled.equals("2");
        return on && !pid.equals("0") ? Optional.of("auditctl -s: enabled " + enabled + ", pid " + pid) : Optional.empty();
    }

    /** A number auditctl -s prints ("enabled 1"); null when the line is missing. */
    private static String field(Pattern line, HostFacts.ToolOutput status) {
        Matcher m = line.matcher(status.stdout());
        return m.find() ? m.group(1) : null;
    }

    private record Rules(List<String> lines, String source) {
    }

    /** The kernel's loaded rules (auditctl -l, as root), else the rule files augenrules loads at boot. */
    private static Rules rules(Signals s) throws IOException {
        if (s.host().assessingAsRoot()) {
            Optional<HostFacts.ToolOutput> loaded = s.host().run(List.of("auditctl", "-l"));
            if (loaded.isPresent() && loaded.get().exitCode() == 0) {
                return new Rules(loaded.get().stdout().lines().toList(), "auditctl -l (the loaded rules)");
            }
        }
        List<String> files = new ArrayList<>(HostFile.list(s.host(), RULES_D, "*.rules"));
        files.add("/etc/audit/audit.rules");
        List<String> lines = new ArrayList<>();
        for (String f : files) {
            HostFile.read(s.host(), f).ifPresent(text -> lines.addAll(text.lines().toList()));
        }
        return new Rules(lines, Evidence.text(String.join(", ", files)) + " (on disk: loaded at boot, not read from the kernel)");
    }
}
