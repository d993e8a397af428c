package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** strace's lines read back as the kernel had them: escapes decoded, failures and noise left out. */
class StraceLineTest {
    @Test
    void aSuccessfulExecveIsReadWithItsArgvDecoded() {
        assertThat(StraceLine.parse("4711 execve(\"/usr/bin/sh\", [\"sh\", \"-c\", \"echo \\\"hi\\\"\\n\\33[2J\\303\\251\"],"
                + " 0x7ffd1234 /* 20 vars */) = 0")).contains(new StraceLine.Exec(4711, "/usr/bin/sh",
                List.of("sh", "-c", "echo \"hi\"\n\u001b[2Jé")));
    }

    @Test
    void aFailedExecveIsNoProgramStarted() {
        assertThat(StraceLine.parse("4711 execve(\"/usr/local/bin/id\", [\"id\"], 0x7ffd /* 3 vars */) = -1 ENOENT"
                + " (No such file or directory)")).isEmpty();
    }

    @Test
    void forksAndTheTwoHalvesOfAnInterruptedExecveAreRead() {
        assertThat(StraceLine.parse("10 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD,"
                + " child_tidptr=0x7f) = 11")).contains(new StraceLine.Spawn(10, 11));
        assertThat(StraceLine.parse("10 vfork() = 12")).contains(new StraceLine.Spawn(10, 12));
        assertThat(StraceLine.parse("11 execve(\"/usr/bin/id\", [\"id\"], 0x7f /* 1 var */ <unfinished ...>"))
                .contains(new StraceLine.Pending(11, "/usr/bin/id", List.of("id")));
        assertThat(StraceLine.parse("11 <... execve resumed>) = 0")).contains(new StraceLine.Resumed(11, true));
        assertThat(StraceLine.parse("11 <... execve resumed>) = -1 EACCES (Permission denied)"))
                .contains(new StraceLine.Resumed(11, false));
        assertThat(StraceLine.parse("11 +++ exited with 0 +++")).isEmpty();
    }
}
