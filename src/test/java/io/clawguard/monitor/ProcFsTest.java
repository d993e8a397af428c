package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The links in /proc/<pid>/fd, and this very process as /proc shows it. */
class ProcFsTest {
    private static final int PID = (int) ProcessHandle.current().pid();

    @ParameterizedTest
    @CsvSource({"socket:[2154822], 2154822", "socket:[0], 0", "pipe:[2154822], -1", "socket:[], -1", "socket:[12a], -1",
        "socket:[2154822, -1", "anon_inode:[eventpoll], -1", "/dev/null, -1", "socket:[99999999999999999999], -1"})
    void onlyASocketLinkGivesAnInode(String link, long inode) {
        assertThat(ProcFs.socketInode(link)).isEqualTo(inode);
    }

    @Test
    void thisProcessHoldsTheSocketItOpenedAndCountsItsFiles() throws Exception {
        ProcFs proc = new ProcFs(Path.of("/proc"));
        try (ServerSocket listener = new ServerSocket(0)) {
            long[] found = {-1, -1};
            proc.sockets(PID, (fd, inode) -> {
                if (proc.socketAt(PID, fd) == inode) {
                    found[0] = fd;
                    found[1] = inode;
                }
            });
            assertThat(found[1]).isPositive();
            assertThat(proc.fdCounts()).containsKey(PID);
            assertThat(proc.fdCounts().get(PID)).isPositive();
            assertThat(proc.status(PID)).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("java"));
            assertThat(listener.isBound()).isTrue();
        }
    }

    @Test
    void aProcessThatIsGoneHoldsNothingAndHasNoStatus() {
        ProcFs proc = new ProcFs(Path.of("/proc"));
        int gone = Integer.MAX_VALUE - 1;
        proc.sockets(gone, (fd, inode) -> {
            throw new AssertionError("no process " + gone);
        });
        assertThat(proc.socketAt(gone, 3)).isEqualTo(-1);
        assertThat(proc.status(gone)).isEmpty();
    }
}
