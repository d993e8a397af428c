package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.seeOther;
import static io.clawguard.compliance.CheckResult.unreadable;
import static io.clawguard.compliance.CheckResult.violation;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks of the agent's own account ({@link AgentIdentity}): its sudo rights and PATH, whether
 * it runs as root, and its groups.
 */
final class AgentChecks {
    /** Groups that make a member root: sudo rights by the stock sudoers, or a root container that mounts the host. */
    private static final Set<String> ROOT_EQUIVALENT = Set.of("sudo", "wheel", "admin", "docker", "lxd", "incus",
            "incus-admin");
    /** Reads the host's logs (journal, /var/log), where other users' secrets and the admin's actions show. */
    private static final String LOG_READERS = "adm";

    private AgentChecks() {
    }

    /** No agent found: how to name one. */
    static CheckResult.Draft noAgent(Signals s) {
        return notAssessed("no agent account found: no OpenClaw process runs and clawguard.json names no agent_users;"
                + " add \"agent_users\": [\"ACCOUNT\"] to " + s.home().config(), s.agents().evidence());
    }

    /**
     * The agent's own sudo rights first (each runs without ClawGuard), then whether its sudo is
     * the shim (the shim missing is counted by runtime_privilege_hook_installed), then whether a
     * broker answers. What could not be read is reported only when nothing worse was found.
     */
    static CheckResult.Draft approvalRequired(Signals s) {
        AgentIdentity id = s.agents();
        if (!id.found()) {
            return noAgent(s);
        }
        if (id.users().stream().anyMatch(u -> u.uid() == 0)) {
            return seeOther("least_privilege_enforced", "the agent runs as root, so no approval stands between it and root");
        }
        SudoFindings sudo = SudoFindings.of(s, id);
        if (!sudo.granted().isEmpty()) {
            return violation("the agent can run commands as root (or another account) without ClawGuard",
                    String.join("; ", sudo.granted()) + " [" + String.join("; ", sudo.evidence()) + "]",
                    "sudo runs these for the agent with no human's approval: the agent can be root without approval",
                    "Remove every sudoers rule that grants " + names(id) + " (or a group or alias they are in) a"
                            + " command: the rules are named by file and line above, or found with grep -rn in"
                            + " /etc/sudoers and /etc/sudoers.d; edit with visudo -f FILE. The agent then reaches root"
                            + " only through ClawGuard.");
        }
        if (!s.shimInstalled()) {
            return seeOther("runtime_privilege_hook_installed", "the sudo shim is not installed");
        }
        // Every process's PATH, not the first one's: the agent can start a decoy with the shim first.
        List<String> bypassed = id.users().stream().flatMap(u -> u.processes().stream()
                .filter(p -> p.path() != null && !s.shimFirstOnPath(p.path()))
                .map(p -> u.label() + ": " + p.where() + "/environ: PATH=" + Evidence.text(p.path()))).toList();
        String shimDir = s.home().shimDir().toString();
        if (!bypassed.isEmpty()) {
            return violation("another sudo comes before ClawGuard's shim on the agent's PATH", Evidence.list(bypassed),
                    "the agent's sudo runs the system sudo, not ClawGuard",
                    "Put " + shimDir + " first on the PATH the agent starts with (its service unit:"
                            + " Environment=PATH=" + shimDir + ":/usr/bin:/bin), then restart OpenClaw.");
        }
        if (sudo.unknown().isPresent()) {
            return sudo.unknown().get();
        }
        Optional<CheckResult.Draft> pathUnknown = pathUnknown(s, id);
        if (pathUnknown.isPresent()) {
            return pathUnknown.get();
        }
        String all = String.join("; ", sudo.evidence()) + "; " + id.users().stream()
                .map(u -> u.label() + ": " + u.pathEvidence()).collect(Collectors.joining("; "));
        if (!s.host().brokerReachable(s.home().agentSocket())) {
            return partial("sudo goes through ClawGuard, but no broker is running", s.home().agentSocket()
                    + " does not answer; " + all, "requests are refused (exit 10) until an approver is reachable",
                    "Run the broker: clawguard service install (separated), or keep clawguard console running (same user).");
        }
        return compliant("the agent has no sudo rights of its own, its sudo is ClawGuard's shim and a broker answers",
                all + "; " + s.home().agentSocket() + " answers");
    }

    /** What each agent account may run through sudo, how that was read, and what could not be. */
    private record SudoFindings(List<String> granted, List<String> evidence, Optional<CheckResult.Draft> unknown) {
        static SudoFindings of(Signals s, AgentIdentity id) {
            List<String> granted = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            Optional<CheckResult.Draft> unknown = Optional.empty();
            for (AgentIdentity.AgentUser u : id.users()) {
                try {
                    AgentSudoRights r = AgentSudoRights.of(s, u);
                    if (!r.problems().isEmpty()) {
                        unknown = Optional.of(CheckResult.error(SudoersParser.MAIN, String.join("; ", r.problems()),
                                "Fix the lines named (visudo -c shows how sudo reads them), then assess again."));
                    } else if (!r.rights().isEmpty()) {
                        granted.add(u.label() + " may run " + String.join(" | ", r.rights())
                                + (r.passwordless() ? " (some without a password)" : ""));
                    }
                    evidence.add(u.label() + ": " + r.evidence());
                } catch (AccessDeniedException e) {
                    unknown = Optional.of(unreadable(e.getFile(), "the agent's sudo rights are read from it"));
                } catch (IOException e) {
                    unknown = Optional.of(notAssessed("the agent's sudo rights cannot be read", e.toString()));
                }
            }
            return new SudoFindings(granted, evidence, unknown);
        }
    }

    /** The agent's PATH could not be read: another user's environ (root would read it), or no process runs. */
    private static Optional<CheckResult.Draft> pathUnknown(Signals s, AgentIdentity id) {
        List<AgentIdentity.AgentUser> unknown = id.users().stream().filter(u -> u.path() == null).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String why = unknown.stream().map(u -> u.label() + ": " + u.pathEvidence()).collect(Collectors.joining("; "));
        Optional<AgentProcess> hidden = unknown.stream().flatMap(u -> u.processes().stream()).findFirst();
        return Optional.of(hidden.isPresent() && !s.host().assessingAsRoot()
                ? unreadable(hidden.get().where() + "/environ", why)
                : notAssessed("the agent's PATH is unknown", why));
    }

    private static String names(AgentIdentity id) {
        return id.users().stream().map(AgentIdentity.AgentUser::name).collect(Collectors.joining(", "));
    }

    static CheckResult.Draft leastPrivilege(Signals s) {
        AgentIdentity id = s.agents();
        List<String> root = new ArrayList<>();
        id.processes().stream().filter(AgentProcess::anyRootId).forEach(p -> root.add(p.where() + " ("
                + p.commandLine() + ") has uid 0"));
        id.users().stream().filter(u -> u.uid() == 0 && u.configured()).forEach(u -> root.add(
                "agent_users names " + u.label()));
        if (!root.isEmpty()) {
            return violation("OpenClaw runs as root", Evidence.list(root), "the agent holds root rights all the time",
                    "Run OpenClaw as an unprivileged account (a dedicated openclaw user: User=openclaw in its service"
                            + " unit), name it in agent_users of " + s.home().config() + ", and restart it.");
        }
        if (id.processes().isEmpty()) {
            return notAssessed("no OpenClaw process is running" + (s.host().assessingAsRoot() ? ""
                    : " that this user can see (run as root to see every process)"), "/proc: no node running an"
                    + " openclaw entry with a subcommand, no openclaw gateway, no process titled openclaw-gateway; "
                    + id.evidence());
        }
        return compliant("OpenClaw runs unprivileged", id.evidence());
    }

    static CheckResult.Draft groupMemberships(Signals s) {
        AgentIdentity id = s.agents();
        if (!id.found()) {
            return noAgent(s);
        }
        List<String> rootLike = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        for (AgentIdentity.AgentUser u : id.users()) {
            Set<String> bad = new TreeSet<>(u.groupNames());
            bad.retainAll(ROOT_EQUIVALENT);
            bad.forEach(g -> rootLike.add("gpasswd -d " + u.name() + " " + g));
            if (u.groupNames().contains(LOG_READERS)) {
                logs.add("gpasswd -d " + u.name() + " " + LOG_READERS);
            }
        }
        String evidence = "/etc/passwd, /etc/group and the running processes' groups: " + id.users().stream()
                .map(u -> u.label() + " in " + u.groupNames()).collect(Collectors.joining("; "));
        String restart = ", then restart OpenClaw (a running process keeps the groups it started with).";
        if (!rootLike.isEmpty()) {
            return violation("the agent is in a root-equivalent group", evidence,
                    "sudo, wheel and admin get sudo rights from the stock sudoers; docker, lxd and incus start a"
                            + " root container that mounts the host: root without approval",
                    "Run " + String.join("; ", rootLike) + restart);
        }
        if (!logs.isEmpty()) {
            return partial("the agent can read the host's logs (adm)", evidence,
                    "the logs show other users' activity and may hold secrets", "Run " + String.join("; ", logs) + restart);
        }
        return compliant("the agent is in no root-equivalent or log-reading group", evidence);
    }
}
