package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which process holds a socket, and how little of /proc a rescan reads again. */
class SocketOwnersTest {
    /** Processes in memory: pid to fd to inode (0 for a file that is no socket); counts what is read. */
    static final class FakeProcesses implements ProcessTable {
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
    }

    FakeProcesses processes;
    SocketOwners owners;

    @BeforeEach
    void setUp() {
        processes = new FakeProcesses().process(1, "systemd").process(10, "sshd", 100).process(20, "agent", 200, 201)
                .process(30, "big", 300, 301, 302, 303);
        owners = new SocketOwners(processes, uid -> "u" + uid);
    }

    private Map<Long, SocketOwner> find(Long... inodes) throws Exception {
        processes.listed.clear();
        processes.linksRead = 0;
        return owners.find(Set.of(inodes));
    }

    @Test
    void theFirstScanFindsEachSocketsProcessNameAndUser() throws Exception {
        assertThat(find(100L, 201L)).containsOnly(Map.entry(100L, new SocketOwner(10, "sshd", "u1010")),
                Map.entry(201L, new SocketOwner(20, "agent", "u1020")));
    }

    @Test
    void aRescanWithNothingChangedReadsNoFileDescriptors() throws Exception {
        find(100L, 201L, 300L);
        assertThat(find(100L, 201L, 300L)).hasSize(3);
        assertThat(processes.listed).isEmpty();
        assertThat(processes.linksRead).isZero();
    }

    @Test
    void aNewSocketIsLookedForFirstInTheProcessWhoseFileCountChanged() throws Exception {
        find(100L, 300L);
        processes.open(30, 304);
        assertThat(find(100L, 300L, 304L)).containsEntry(304L, new SocketOwner(30, "big", "u1030"));
        assertThat(processes.listed).containsExactly(30);
    }

    @Test
    void aNewProcessIsLookedInBeforeTheOthers() throws Exception {
        find(100L);
        processes.process(40, "newcomer", 400);
        assertThat(find(100L, 400L)).containsEntry(400L, new SocketOwner(40, "newcomer", "u1040"));
        assertThat(processes.listed).containsExactly(40);
    }

    @Test
    void aKnownSocketInAProcessWhoseCountChangedIsCheckedByItsOneLink() throws Exception {
        find(300L);
        processes.open(30, 305);
        assertThat(find(300L)).containsEntry(300L, new SocketOwner(30, "big", "u1030"));
        assertThat(processes.listed).isEmpty();
        assertThat(processes.linksRead).isEqualTo(1);
    }

    @Test
    void aSocketWhoseProcessEndedIsFoundWhereItLivesOn() throws Exception {
        processes.process(21, "agent-child", 201);
        find(201L);
        processes.fds.remove(20);
        processes.names.remove(20);
        assertThat(find(201L)).containsEntry(201L, new SocketOwner(21, "agent-child", "u1021"));
    }

    @Test
    void aSocketNoProcessHoldsIsSearchedForOnceNotOnEveryScan() throws Exception {
        assertThat(find(999L)).isEmpty();
        assertThat(processes.listed).containsExactly(1, 10, 20, 30);
        processes.open(30, 306);
        assertThat(find(999L)).isEmpty();
        assertThat(processes.listed).isEmpty();
    }

    @Test
    void aSocketNoLongerAskedForIsForgottenAndLookedForAgainWhenItReturns() throws Exception {
        find(999L);
        find(100L);
        processes.open(20, 999);
        assertThat(find(999L)).containsEntry(999L, new SocketOwner(20, "agent", "u1020"));
    }

    @Test
    void aProcessThatEndsBetweenListingAndReadingItsNameKeepsItsPid() throws Exception {
        processes.names.remove(30);
        assertThat(find(300L)).containsEntry(300L, new SocketOwner(30, "?", "?"));
    }
}
