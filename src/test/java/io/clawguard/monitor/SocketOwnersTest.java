package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which process holds a socket, and how little of /proc a rescan reads again. */
class SocketOwnersTest {
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
        assertThat(find(100L, 201L)).containsOnly(Map.entry(100L, new SocketOwner(10, "sshd", "u1010", false)),
                Map.entry(201L, new SocketOwner(20, "agent", "u1020", false)));
    }

    @Test
    void aRescanWithNothingChangedReadsOneLinkPerSocketAndListsNoFolder() throws Exception {
        find(100L, 201L, 300L);
        assertThat(find(100L, 201L, 300L)).hasSize(3);
        assertThat(processes.listed).isEmpty();
        assertThat(processes.linksRead).as("each socket's one link, read again: counts can lie").isEqualTo(3);
    }

    @Test
    void aNewSocketIsLookedForFirstInTheProcessWhoseFileCountChanged() throws Exception {
        find(100L, 300L);
        processes.open(30, 304);
        assertThat(find(100L, 300L, 304L)).containsEntry(304L, new SocketOwner(30, "big", "u1030", false));
        assertThat(processes.listed).containsExactly(30);
    }

    @Test
    void aNewProcessIsLookedInBeforeTheOthers() throws Exception {
        find(100L);
        processes.process(40, "newcomer", 400);
        assertThat(find(100L, 400L)).containsEntry(400L, new SocketOwner(40, "newcomer", "u1040", false));
        assertThat(processes.listed).containsExactly(40);
    }

    @Test
    void aKnownSocketInAProcessWhoseCountChangedIsCheckedByItsOneLink() throws Exception {
        find(300L);
        processes.open(30, 305);
        assertThat(find(300L)).containsEntry(300L, new SocketOwner(30, "big", "u1030", false));
        assertThat(processes.listed).isEmpty();
        assertThat(processes.linksRead).isEqualTo(1);
    }

    @Test
    void aSocketWhoseProcessEndedIsFoundWhereItLivesOn() throws Exception {
        processes.process(21, "agent-child", 201);
        find(201L);
        processes.fds.remove(20);
        processes.names.remove(20);
        assertThat(find(201L)).containsEntry(201L, new SocketOwner(21, "agent-child", "u1021", false));
    }

    @Test
    void aSocketNoProcessHoldsIsLookedForAgainOnlyWhereCountsChanged() throws Exception {
        assertThat(find(999L)).isEmpty();
        assertThat(processes.listed).containsExactly(1, 10, 20, 30);
        assertThat(find(999L)).isEmpty();
        assertThat(processes.listed).as("nothing changed: no folder listed").isEmpty();
        processes.open(30, 306);
        assertThat(find(999L)).isEmpty();
        assertThat(processes.listed).containsExactly(30);
    }

    @Test
    void aSocketNoLongerAskedForIsForgottenAndLookedForAgainWhenItReturns() throws Exception {
        find(999L);
        find(100L);
        processes.open(20, 999);
        assertThat(find(999L)).containsEntry(999L, new SocketOwner(20, "agent", "u1020", false));
    }

    @Test
    void aProcessThatEndsBetweenListingAndReadingItsNameKeepsItsPid() throws Exception {
        processes.names.remove(30);
        assertThat(find(300L)).containsEntry(300L, new SocketOwner(30, "?", "?", false));
    }
}
