package io.clawguard.monitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Which process holds each socket, remembered from scan to scan. Finding the holder of a socket
 * means reading the links in {@code /proc/<pid>/fd}, 40,000 of them on a busy host, so a rescan
 * reads again only what may have changed:
 * <ul>
 *   <li>a socket found before keeps its process while the one link it was found at still names
 *       it (one read a socket a scan, whatever the process's count of open files says: a pid can
 *       be reused and a socket handed on without the count changing);</li>
 *   <li>a socket not found before is looked for in the processes that are new or whose count
 *       changed, then in the others, stopping as soon as every socket is found;</li>
 *   <li>a socket no process was found holding (in flight between processes, a kernel socket) is
 *       looked for again only in the processes that are new or whose count changed, which is
 *       where it turns up once one receives it.</li>
 * </ul>
 */
final class SocketOwners {
    /** Where a socket was found; {@link #NOWHERE} when no process held it. */
    private record Place(int pid, int fd) {
        static final Place NOWHERE = new Place(-1, -1);
    }

    private final ProcessTable processes;
    private final LongFunction<String> userNames;
    private final Map<Long, Place> places = new HashMap<>();
    private Map<Integer, Integer> fdCounts = Map.of();

    SocketOwners(ProcessTable processes, LongFunction<String> userNames) {
        this.processes = processes;
        this.userNames = userNames;
    }

    /** The process holding each of {@code inodes}, as of now; a socket no process holds is left out. */
    Map<Long, SocketOwner> find(Set<Long> inodes) throws IOException {
        Map<Integer, Integer> counts = processes.fdCounts();
        places.keySet().retainAll(inodes);
        Set<Long> missing = new HashSet<>();
        Set<Long> nowhere = new HashSet<>();
        for (Long inode : inodes) {
            Place p = places.get(inode);
            if (p == Place.NOWHERE) {
                nowhere.add(inode);
            } else if (p == null || !stillHeld(p, inode, counts)) {
                missing.add(inode);
            }
        }
        List<Integer> changed = new ArrayList<>();
        List<Integer> unchanged = new ArrayList<>();
        counts.forEach((pid, count) -> (count.equals(fdCounts.get(pid)) ? unchanged : changed).add(pid));
        if (!nowhere.isEmpty()) {
            search(nowhere, changed, false);
        }
        if (!missing.isEmpty()) {
            List<Integer> changedFirst = new ArrayList<>(changed);
            changedFirst.addAll(unchanged);
            search(missing, changedFirst, true);
        }
        fdCounts = counts;
        return owners(inodes);
    }

    private boolean stillHeld(Place p, long inode, Map<Integer, Integer> counts) {
        return counts.containsKey(p.pid()) && processes.socketAt(p.pid(), p.fd()) == inode;
    }

    /** Looks for {@code wanted} in {@code pids}, in order; those not found are marked as held by no process. */
    private void search(Set<Long> wanted, List<Integer> pids, boolean markNowhere) {
        for (int pid : pids) {
            processes.sockets(pid, (fd, inode) -> {
                if (wanted.remove(inode)) {
                    places.put(inode, new Place(pid, fd));
                }
            });
            if (wanted.isEmpty()) {
                return;
            }
        }
        if (markNowhere) {
            wanted.forEach(inode -> places.put(inode, Place.NOWHERE));
        }
    }

    /** Each process's name and user are read afresh every scan: a process can rename itself or exec another program. */
    private Map<Long, SocketOwner> owners(Set<Long> inodes) {
        Map<Integer, SocketOwner> byPid = new HashMap<>();
        Map<Long, SocketOwner> out = new HashMap<>();
        for (Long inode : inodes) {
            Place p = places.get(inode);
            if (p != null && p != Place.NOWHERE) {
                out.put(inode, byPid.computeIfAbsent(p.pid(), pid -> processes.status(pid)
                        .map(s -> new SocketOwner(pid, s.name(), userNames.apply(s.uid()),
                                s.uid() == 0 || processes.runsSystemProgram(pid, s.name())))
                        .orElse(new SocketOwner(pid, "?", "?", false))));
            }
        }
        return out;
    }
}
