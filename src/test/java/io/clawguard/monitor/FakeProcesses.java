package io.clawguard.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Processes in memory: pid to fd to inode (0 for a file that is no socket); counts what is read. */
final class FakeProcesses implements ProcessTable {
    final Map<Integer, Map<Integer, Long>> fds = new TreeMap<>();
    final Map<Integer, String> names = new HashMap<>();
    final List<Integer> listed = new ArrayList<>();
    int linksRead;

    FakeProcesses process(int pid, String name, long... sockets) {
        Map<Integer, Long> table = new TreeMap<>(Map.of(0, 0L, 1, 0L, 2, 0L));
        for (long inode : sockets) {
            table.put(table.size(), inode);
        }
        fds.put(pid, table);
        names.put(pid, name);
        return this;
    }

    void open(int pid, long inode) {
        Map<Integer, Long> table = fds.get(pid);
        table.put(table.size(), inode);
    }

    void close(int pid, long inode) {
        fds.get(pid).values().remove(inode);
    }

    @Override
    public Map<Integer, Integer> fdCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        fds.forEach((pid, table) -> counts.put(pid, table.size()));
        return counts;
    }

    @Override
    public void sockets(int pid, SocketSink sink) {
        listed.add(pid);
        fds.getOrDefault(pid, Map.of()).forEach((fd, inode) -> {
            if (inode != 0) {
                sink.accept(fd, inode);
            }
        });
    }

    @Override
    public long socketAt(int pid, int fd) {
        linksRead++;
        Long inode = fds.getOrDefault(pid, Map.of()).get(fd);
        return inode == null || inode == 0 ? -1 : inode;
    }

    @Override
    public Optional<ProcessStatus> status(int pid) {
        return Optional.ofNullable(names.get(pid)).map(n -> new ProcessStatus(n, 1000 + pid));
    }

    @Override
    public boolean runsSystemProgram(int pid, String name) {
        return false;
    }
}
