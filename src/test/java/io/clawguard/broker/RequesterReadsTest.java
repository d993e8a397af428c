package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.clawguard.approval.Requester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script is read as its requester could read it, and never waited for without end: the agent
 * can swap the plain file that was checked for a FIFO, whose open blocks until someone writes.
 */
class RequesterReadsTest {
    private static final int AGENT = 4313;

    @TempDir
    Path root;

    private RequesterReads reads() throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new RequesterReads(Path.of("/usr/bin/setpriv"), Path.of("/usr/bin/cat"), 0, Duration.ofSeconds(1));
    }

    @Test
    void aFifoInPlaceOfTheScriptIsGivenUpForAgentAndRootAlike() throws Exception {
        RequesterReads reads = reads();
        Path fifo = root.resolve("job.sh");
        assertThat(new ProcessBuilder("mkfifo", "-m", "0666", fifo.toString()).start().waitFor()).isZero();
        for (int uid : new int[] {AGENT, 0}) {
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThatThrownBy(() ->
                    reads.read(fifo, new Requester(uid, ProcessHandle.current().pid(), "agent"), Set.of(), 1 << 20))
                    .hasMessageContaining("not read within"));
        }
    }

    @Test
    void aPlainScriptIsReadAndARootOnlyOneIsNotReadForTheAgent() throws Exception {
        RequesterReads reads = reads();
        Path script = Files.writeString(root.resolve("ok.sh"), "echo ok\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        Requester agent = new Requester(AGENT, ProcessHandle.current().pid(), "agent");
        assertThat(new String(reads.read(script, agent, Set.of(), 1 << 20))).isEqualTo("echo ok\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> reads.read(script, agent, Set.of(), 1 << 20)).hasMessageContaining("Permission denied");
    }

    /**
     * The agent controls its timing: a requester gone before its script is read leaves no
     * /proc/PID/status. The read must then be refused, not made with its uid's number as group
     * (a group that number names may read what the agent cannot).
     */
    @Test
    void aRequesterGoneBeforeTheReadIsNotReadWithItsUidAsGroup() throws Exception {
        RequesterReads reads = reads();
        Path script = Files.writeString(root.resolve("group.sh"), "echo secret\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r-----"));
        Files.setAttribute(script, "unix:gid", AGENT);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Requester agent = new Requester(AGENT, gone.pid(), "agent");
        assertThatThrownBy(() -> reads.read(script, agent, Set.of(), 1 << 20)).isInstanceOf(java.io.IOException.class);
    }
}
