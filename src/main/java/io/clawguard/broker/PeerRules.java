package io.clawguard.broker;

import io.clawguard.files.UserDatabase;

import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may ask on the agent socket and who may attach to the admin socket, decided on the
 * kernel's word (the uid and gid of {@code SO_PEERCRED}) before a byte is read. The broker's
 * own user and root are both; {@code clawguard.json} adds {@code agent_users},
 * {@code agent_groups}, {@code admin_users} and {@code admin_groups}, by name or number. A
 * group matches the peer's gid, or a user the group file lists as a member. A name that
 * does not exist is an error, never skipped.
 */
public final class PeerRules {
    /** One side's users and groups. */
    record Members(Set<Integer> uids, Set<Integer> gids, Set<String> groupMemberNames) {
        boolean contain(int uid, int gid, Path passwd) {
            if (uids.contains(uid) || gids.contains(gid)) {
                return true;
            }
            if (groupMemberNames.isEmpty()) {
                return false;
            }
            String name = UserDatabase.nameOf(uid, readLines(passwd));
            return name != null && groupMemberNames.contains(name);
        }
    }

    private final Members agents;
    private final Members admins;
    private final Path passwd;

    private PeerRules(Members agents, Members admins, Path passwd) {
        this.agents = agents;
        this.admins = admins;
        this.passwd = passwd;
    }

    public static PeerRules of(GuardConfig config, int ownUid, Path passwd, Path group) throws IOException {
        List<String> users = readLines(passwd);
        List<String> groups = readLines(group);
        return new PeerRules(members(ownUid, config.agentUsers(), config.agentGroups(), users, groups, "agent"),
                members(ownUid, config.adminUsers(), config.adminGroups(), users, groups, "admin"), passwd);
    }

    private static Members members(int ownUid, List<String> userNames, List<String> groupNames, List<String> passwd,
                                   List<String> group, String side) throws IOException {
        Set<Integer> uids = new HashSet<>(List.of(0, ownUid));
        for (String u : userNames) {
            uids.add(UserDatabase.id(u, passwd, side + "_users", "/etc/passwd"));
        }
        Set<Integer> gids = new HashSet<>();
        Set<String> memberNames = new HashSet<>();
        for (String g : groupNames) {
            int gid = UserDatabase.id(g, group, side + "_groups", "/etc/group");
            gids.add(gid);
            memberNames.addAll(UserDatabase.membersOf(gid, group));
        }
        return new Members(uids, gids, memberNames);
    }

    public boolean mayAsk(int uid, int gid) {
        return agents.contain(uid, gid, passwd);
    }

    public boolean mayAttach(int uid, int gid) {
        return admins.contain(uid, gid, passwd);
    }

    /** A passwd that cannot be read names nobody, so group membership by name then grants nothing. */
    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
