package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Attacks on the trace reading: strace lines a real run produces that the parser drops. */
class StraceLineEvasionTest {
    /** fexecve(3) and execveat(2): a successful program start the parser does not read at all. */
    @Test
    void aSuccessfulExecveatIsAProgramStarted() {
        assertThat(StraceLine.parse("4711 execveat(3, \"\", [\"curl\", \"x\"], 0x7f2d /* 0 vars */, AT_EMPTY_PATH) = 0"))
                .isPresent();
    }

    /**
     * With several processes traced, a fork is often split ({@code clone(... <unfinished ...>} then
     * {@code <... clone resumed>...) = PID}): only execve's halves are joined, so the child's parent
     * and start time are lost (parent_pid 0 in exec_child, and killAll cannot reach it without a cgroup).
     */
    @Test
    void aResumedCloneOrVforkIsStillASpawn() {
        assertThat(StraceLine.parse("10 <... clone resumed>, child_tidptr=0x7f) = 11"))
                .contains(new StraceLine.Spawn(10, 11));
        assertThat(StraceLine.parse("10 <... vfork resumed>) = 12")).contains(new StraceLine.Spawn(10, 12));
        assertThat(StraceLine.parse("10 <... clone3 resumed> => {parent_tid=[13]}, 88) = 13"))
                .contains(new StraceLine.Spawn(10, 13));
    }
}
