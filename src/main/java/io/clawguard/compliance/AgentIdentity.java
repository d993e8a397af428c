package io.clawguard.compliance;

import io.clawguard.files.UserDatabase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who the agent is on this host: the accounts OpenClaw processes run as ({@link OpenClawShape}
 * decides which are OpenClaw) and the accounts clawguard.json names in {@code agent_users}, each
 * with its uid, name, groups (primary, /etc/group and what its running processes hold), and the
 * PATH and OPENCLAW_STATE_DIR its process runs with where that can be read.
 */
record AgentIdentity(List<AgentUser> users, List<AgentProcess> processes, List<String> problems) {
    /** A configured list longer than this is not an honest list of agents. */
    private static final int MAX_CONFIGURED = 64;

    record Group(int gid, String name) {
    }

    /** One agent account and its running OpenClaw processes (none when it is only configured). */
    record AgentUser(int uid, String name, List<Group> groups, List<AgentProcess> processes, boolean configured) {
        String label() {
            return name + " (uid " + uid + ")";
        }

        Set<String> groupNames() {
            return groups.stream().map(Group::name).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<Integer> gids() {
            return groups.stream().map(Group::gid).collect(Collectors.toCollection(TreeSet::new));
        }

        /** This account as sudoers and doas.conf match one. */
        Sudoers.Person person() {
            return new Sudoers.Person(name, uid, groupNames(), gids());
        }

        /** The PATH its first process with a readable environment runs with; null when none can be read. */
        String path() {
            return processes.stream().map(AgentProcess::path).filter(p -> p != null).findFirst().orElse(null);
        }

        /** Where {@link #path()} was read, or why it is unknown. */
        String pathEvidence() {
            for (AgentProcess p : processes) {
                if (p.path() != null) {
                    return p.where() + "/environ: PATH=" + Evidence.text(p.path());
                }
            }
            return processes.isEmpty() ? "PATH unknown: no OpenClaw process of " + name + " is running"
                    : "PATH unknown: " + processes.stream().map(AgentProcess::environProblem).collect(Collectors.joining("; "));
        }

        /** OPENCLAW_STATE_DIR from its process environment, or "unknown". */
        String stateDir() {
            return processes.stream().map(AgentProcess::stateDir).filter(d -> d != null).findFirst()
                    .map(Evidence::text).orElse("unknown");
        }
    }

    boolean found() {
        return !users.isEmpty();
    }

    /** Each agent with how it was found, for the evidence of a check. */
    String evidence() {
        List<String> parts = new ArrayList<>();
        for (AgentUser u : users) {
            // The agent starts as many processes as it likes: ten are named, the rest counted.
            parts.add(u.label() + (u.configured() ? " named in agent_users" : "") + (u.processes().isEmpty() ? ""
                    : " running " + Evidence.list(u.processes().stream().map(p -> p.where() + " (" + p.commandLine()
                    + ")").toList())));
        }
        parts.addAll(problems);
        return parts.isEmpty() ? "/proc: no OpenClaw process; clawguard.json names no agent_users" : String.join("; ", parts);
    }

    static AgentIdentity of(HostFacts host, List<String> configuredUsers, List<String> configuredGroups) {
        List<String> problems = new ArrayList<>();
        List<String> passwd = lines(host, "/etc/passwd", problems);
        List<String> group = lines(host, "/etc/group", problems);
        List<AgentProcess> processes;
        try {
            processes = AgentProcess.scan(host);
        } catch (IOException e) {
            processes = List.of();
            problems.add("/proc cannot be listed: " + e.getMessage());
        }
        Map<Integer, Boolean> uids = new LinkedHashMap<>();
        processes.forEach(p -> uids.put(p.uid(), false));
        for (String user : configuredUsers.stream().limit(MAX_CONFIGURED).toList()) {
            UserDatabase.Account a = UserDatabase.account(user, passwd);
            if (a != null) {
                uids.put(a.uid(), true);
            } else if (user.matches("\\d{1,9}")) {
                uids.put(Integer.parseInt(user), true);
            } else {
                problems.add("agent_users names " + Evidence.text(user) + ", which is not in /etc/passwd");
            }
        }
        // Everyone agent_groups lets ask is an agent too: listed members and those whose primary group it is.
        for (String name : configuredGroups.stream().limit(MAX_CONFIGURED).toList()) {
            try {
                int gid = UserDatabase.id(name, group, "agent_groups", "/etc/group");
                List<String> members = new ArrayList<>(UserDatabase.membersOf(gid, group));
                passwd.stream().map(l -> l.split(":", -1)).filter(f -> f.length > 3 && f[3].equals(Integer.toString(gid)))
                        .forEach(f -> members.add(f[0]));
                members.stream().limit(MAX_CONFIGURED).map(m -> UserDatabase.account(m, passwd))
                        .filter(a -> a != null).forEach(a -> uids.put(a.uid(), true));
            } catch (IOException e) {
                problems.add("agent_groups names " + Evidence.text(name) + ", which is not in /etc/group");
            }
        }
        List<AgentUser> users = new ArrayList<>();
        for (Map.Entry<Integer, Boolean> e : uids.entrySet()) {
            int uid = e.getKey();
            List<AgentProcess> own = processes.stream().filter(p -> p.uid() == uid).toList();
            Set<Integer> gids = new TreeSet<>(UserDatabase.groupsOf(uid, passwd, group));
            own.forEach(p -> gids.addAll(p.groups()));
            String name = UserDatabase.nameOf(uid, passwd);
            users.add(new AgentUser(uid, name == null ? Integer.toString(uid) : Evidence.text(name),
                    gids.stream().map(g -> new Group(g, groupName(g, group))).toList(), own, e.getValue()));
        }
        return new AgentIdentity(List.copyOf(users), List.copyOf(processes), List.copyOf(problems));
    }

    private static String groupName(int gid, List<String> group) {
        String id = Integer.toString(gid);
        return group.stream().map(l -> l.split(":", -1)).filter(f -> f.length > 2 && f[2].equals(id))
                .map(f -> Evidence.text(f[0])).findFirst().orElse(id);
    }

    private static List<String> lines(HostFacts host, String file, List<String> problems) {
        try {
            return HostFile.read(host, file).map(t -> t.lines().toList()).orElse(List.of());
        } catch (IOException e) {
            problems.add(file + " cannot be read: " + e.getMessage());
            return List.of();
        }
    }
}
