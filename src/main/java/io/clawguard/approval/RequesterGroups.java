package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The groups a requester writes through: those its process holds now ({@code Gid:} and
 * {@code Groups:} of {@code /proc/PID/status}, which a {@code newgrp} or a supplementary group
 * added since login can change) and those the user database gives its uid (which its next
 * process can hold). Null, meaning "any group", when neither can be read: a folder writable by a
 * group is then counted as the requester's.
 */
final class RequesterGroups {
    private RequesterGroups() {
    }

    static Set<Integer> of(Requester r) {
        Set<Integer> byFiles = ArgumentPaths.groupsOf(r.uid());
        Set<Integer> held = heldBy(r.pid());
        if (byFiles == null || held == null) {
            return null;
        }
        Set<Integer> all = new HashSet<>(byFiles);
        all.addAll(held);
        return all;
    }

    private static Set<Integer> heldBy(long pid) {
        Set<Integer> gids = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Gid:") || line.startsWith("Groups:")) {
                    for (String id : line.substring(line.indexOf(':') + 1).strip().split("\\s+")) {
                        if (id.matches("\\d{1,9}")) {
                            gids.add(Integer.parseInt(id));
                        }
                    }
                }
            }
            return gids;
        } catch (IOException e) {
            return null;
        }
    }
}
