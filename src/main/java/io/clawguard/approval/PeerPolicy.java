package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which users may ask the broker: the console's own user (the same-user install), root,
 * and the agent users named in {@code clawguard.json} (by name or number).
 */
public final class PeerPolicy {
    private final Set<Integer> allowed;

    private PeerPolicy(Set<Integer> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Names are looked up in {@code passwd}; an unknown name is an error, never ignored. */
    public static PeerPolicy of(int ownUid, List<String> agentUsers, Path passwd) throws IOException {
        Set<Integer> uids = new HashSet<>();
        uids.add(ownUid);
        uids.add(0);
        List<String> lines = agentUsers.isEmpty() ? List.of() : Files.readAllLines(passwd);
        for (String user : agentUsers) {
            uids.add(uidOf(user, lines, passwd));
        }
        return new PeerPolicy(uids);
    }

    static int uidOf(String user, List<String> passwdLines, Path passwd) throws IOException {
        if (user.matches("\\d+")) {
            return Integer.parseInt(user);
        }
        for (String line : passwdLines) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[0].equals(user)) {
                return Integer.parseInt(f[2]);
            }
        }
        throw new IOException("agent user \"" + user + "\" of clawguard.json is not in " + passwd);
    }

    public boolean allows(int uid) {
        return allowed.contains(uid);
    }
}
