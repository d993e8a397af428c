package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the owner cache by the agent: a socket in flight when first seen, a pid reused with
 * the same count of open files, a socket handed on while the count stays. The console must name
 * the process that holds the socket now.
 */
class OwnerCacheAttackTest {
    // ---------------------------------------------------------------------------------------------
    // 5. SocketOwners: a socket first seen while held by nobody keeps "?" for ever.

    /**
     * At scan time the agent's connection sits in flight in an SCM_RIGHTS message on a Unix
     * socket (or is held only by a thread made with clone() without CLONE_FILES, which /proc/<pid>/fd
     * does not show): no process holds it, so it is marked NOWHERE. The agent then receives it and
     * uses it; NOWHERE is never looked for again while the socket lives, so the console shows the
     * connection as "?" (pid -1) for ever.
     */
    @Test
    void aSocketFirstSeenInFlightGetsItsOwnerOnceAProcessHoldsIt() throws Exception {
        FakeProcesses processes = new FakeProcesses().process(1, "systemd").process(4242, "agent");
        SocketOwners owners = new SocketOwners(processes, uid -> "u" + uid);
        assertThat(owners.find(Set.of(77L))).as("in flight: no holder").isEmpty();
        processes.open(4242, 77L); // recvmsg(): the agent holds it now
        assertThat(owners.find(Set.of(77L))).containsEntry(77L, new SocketOwner(4242, "agent", "u5242", false));
        processes.open(4242, 5L);
        processes.open(1, 6L);
        assertThat(owners.find(Set.of(77L, 5L, 6L))).as("even after further scans").containsKey(77L);
    }

    // ---------------------------------------------------------------------------------------------
    // 6. SocketOwners: same fd count => the old owner is believed without a look.

    /**
     * The agent (pid 300, 4 open files) holds its C2 connection, inode 77. It passes the socket to
     * a helper (SCM_RIGHTS), then exits; it cycles pids so that the next process the host starts
     * (a root "sshd" session child, reached by connecting to port 22) gets pid 300 again, and it
     * tuned its own count of open files to the one that child has. SocketOwners sees pid 300 with
     * an unchanged count and keeps showing the connection as pid 300's: now "sshd", run by root.
     * The simpler form: one process keeps its count (closes the socket, opens a file) while another
     * holds the socket; the first is still named.
     */
    @Test
    void aReusedPidWithTheSameFileCountDoesNotInheritTheSocket() throws Exception {
        FakeProcesses processes = new FakeProcesses().process(1, "systemd").process(300, "agent", 77L);
        SocketOwners owners = new SocketOwners(processes, uid -> "u" + uid);
        assertThat(owners.find(Set.of(77L))).containsEntry(77L, new SocketOwner(300, "agent", "u1300", false));

        processes.fds.remove(300);
        processes.process(300, "sshd", 5L); // a new process at pid 300, same count (4), no socket 77
        processes.process(4000, "helper", 77L); // the agent's helper holds 77
        assertThat(owners.find(Set.of(77L))).containsEntry(77L, new SocketOwner(4000, "helper", "u5000", false));
    }

    @Test
    void aProcessThatKeepsItsFileCountWhileHandingTheSocketOnIsNotNamedAsItsOwner() throws Exception {
        FakeProcesses processes = new FakeProcesses().process(1, "systemd").process(300, "innocent", 77L)
                .process(400, "agent");
        SocketOwners owners = new SocketOwners(processes, uid -> "u" + uid);
        owners.find(Set.of(77L));
        processes.fds.get(300).put(3, 0L); // fd 3 is now a plain file: same count, socket 77 gone from pid 300
        processes.fds.get(400).put(3, 77L); // pid 400 got 77 over SCM_RIGHTS
        assertThat(owners.find(Set.of(77L))).containsEntry(77L, new SocketOwner(400, "agent", "u1400", false));
    }

}
