package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.unreadable;
import static io.clawguard.compliance.CheckResult.violation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * alternate_privilege_paths_restricted: the ways to root that need neither a password nor
 * ClawGuard. A NOPASSWD sudoers rule or a {@code Defaults !authenticate} (for anyone: an account
 * the agent reaches inherits it), a doas.conf rule permitting the agent, a polkit rule granting
 * without authentication; su not restricted to a group is a lesser gap (it still takes a password).
 * The agent's own sudo rules are counted once, by privilege_approval_required.
 */
final class AlternatePaths {
    private static final String SU = "/usr/bin/su";
    private static final String SU_PAM = "/etc/pam.d/su";
    private static final String PKEXEC = "/usr/bin/pkexec";

    private AlternatePaths() {
    }

    static CheckResult.Draft evaluate(Signals s) {
        List<Sudoers.Person> agents = s.agents().users().stream().map(AgentIdentity.AgentUser::person).toList();
        List<String> open = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Optional<CheckResult.Draft> unknown = Optional.empty();
        try {
            unknown = sudoers(s, agents, open, fixes, seen);
        } catch (IOException e) {
            unknown = Optional.of(cannotRead(e, "sudoers rules"));
        }
        try {
            doas(s.host(), agents, open, fixes, seen);
        } catch (IOException e) {
            unknown = unknown.or(() -> Optional.of(cannotRead(e, "doas rules")));
        }
        try {
            polkit(s.host(), open, fixes, seen);
        } catch (IOException e) {
            unknown = unknown.or(() -> Optional.of(cannotRead(e, "polkit rules")));
        }
        String evidence = String.join("; ", seen);
        if (!open.isEmpty()) {
            return violation(open.size() + " way(s) to root without a password or ClawGuard", String.join("; ", open)
                    + " [" + evidence + "]", "these run commands as root (or another account) with no password and"
                    + " no human's approval", String.join(" ", fixes));
        }
        if (unknown.isPresent()) {
            return unknown.get();
        }
        if (suOpen(s.host())) {
            return partial("su is usable by any account that knows a target's password", SU + " exists and " + SU_PAM
                    + " has no pam_wheel.so line; " + evidence, "su bypasses the approval guard",
                    "Add \"auth required pam_wheel.so\" to " + SU_PAM + " so only the wheel group may use su,"
                            + " and keep the agent out of wheel.");
        }
        return compliant("no passwordless sudo rule, doas rule for the agent or polkit grant; su restricted or absent",
                evidence);
    }

    /** A problem draft when sudoers cannot be judged. */
    private static Optional<CheckResult.Draft> sudoers(Signals s, List<Sudoers.Person> agents, List<String> open,
                                                       List<String> fixes, List<String> seen) throws IOException {
        Optional<Sudoers> parsed = s.sudoers();
        if (parsed.isEmpty()) {
            seen.add(SudoersParser.MAIN + " does not exist");
            return Optional.empty();
        }
        Sudoers sudoers = parsed.get();
        seen.add("read " + String.join(", ", sudoers.files()) + (sudoers.notes().isEmpty() ? ""
                : " (" + String.join("; ", sudoers.notes()) + ")"));
        int before = open.size();
        for (Sudoers.OpenEntry e : sudoers.openEntries()) {
            // The agent's own rules and its own Defaults are its sudo rights: counted once, by the approval check.
            boolean agentsRule = (e.grants() || !e.everyone()) && agents.stream().anyMatch(p -> sudoers.covers(e, p));
            if (agentsRule) {
                seen.add(e.named() + " is the agent's: counted by privilege_approval_required");
            } else {
                open.add("sudoers " + e.named());
            }
        }
        if (open.size() > before) {
            fixes.add("Remove NOPASSWD and !authenticate from the sudoers lines named (visudo -f FILE).");
        }
        return sudoers.problems().isEmpty() ? Optional.empty() : Optional.of(CheckResult.error(SudoersParser.MAIN,
                String.join("; ", sudoers.problems()), "Fix the lines named (visudo -c shows how sudo reads them)."));
    }

    /** doas counts only by a rule permitting the agent; with no agent known, any permit rule. */
    private static void doas(HostFacts host, List<Sudoers.Person> agents, List<String> open, List<String> fixes,
                             List<String> seen) throws IOException {
        Optional<String> text = HostFile.read(host, DoasConf.FILE);
        if (text.isEmpty()) {
            seen.add(DoasConf.FILE + " does not exist");
            return;
        }
        List<DoasConf.Rule> rules = DoasConf.parse(text.get());
        List<DoasConf.Rule> permitting = agents.isEmpty() ? rules.stream().filter(DoasConf.Rule::permit).toList()
                : agents.stream().flatMap(p -> DoasConf.permitting(rules, p).stream()).distinct().toList();
        permitting.forEach(r -> open.add("doas " + r.source() + ": " + r.text()));
        seen.add(DoasConf.FILE + ": " + rules.size() + " rule(s), " + permitting.size() + " permitting the agent");
        if (!permitting.isEmpty()) {
            fixes.add("Remove the " + DoasConf.FILE + " permit rules named (or add a last \"deny AGENT\").");
        }
    }

    private static void polkit(HostFacts host, List<String> open, List<String> fixes, List<String> seen)
            throws IOException {
        List<String> grants = PolkitGrants.of(host);
        grants.forEach(g -> open.add("polkit " + g));
        boolean pkexec = Files.exists(host.path(PKEXEC));
        seen.add(grants.isEmpty() ? (pkexec ? PKEXEC + " is installed; " : "") + "no polkit rule under "
                + PolkitGrants.RULES + " or " + PolkitGrants.LOCAL_AUTHORITY + " grants without authentication"
                : grants.size() + " polkit grant(s) without authentication" + (pkexec ? ", " + PKEXEC + " installed" : ""));
        if (!grants.isEmpty()) {
            fixes.add("Make the polkit rules named return polkit.Result.AUTH_ADMIN (a .pkla: ResultAny=auth_admin).");
        }
    }

    /** A root-only file says running as root would read it; anything else is unknown, not guessed. */
    private static CheckResult.Draft cannotRead(IOException e, String what) {
        return e instanceof AccessDeniedException denied ? unreadable(denied.getFile(), what + " are read from it")
                : CheckResult.notAssessed(what + " cannot be read", e.toString());
    }

    /** su exists and PAM does not restrict it to a group (pam_wheel.so). */
    private static boolean suOpen(HostFacts host) {
        if (!Files.isExecutable(host.path(SU))) {
            return false;
        }
        try {
            return HostFile.read(host, SU_PAM).orElse("").lines().map(String::strip)
                    .noneMatch(l -> !l.startsWith("#") && l.contains("pam_wheel.so"));
        } catch (IOException e) {
            // /etc/pam.d/su is world-readable; if it cannot be read, nothing restricts su as far as we can tell.
            return true;
        }
    }
}
