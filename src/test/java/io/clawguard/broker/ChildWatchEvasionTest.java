package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.files.StateHome;
import io.clawguard.testing.InProcessAgent;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on child tracking: programs an approved run starts that deny_children should end the
 * run for, but that the trace reading does not see or does not match.
 */
class ChildWatchEvasionTest {
    @TempDir
    Path root;

    private static CompletableFuture<Integer> exec(StateHome home, List<String> argv) {
        return InProcessAgent.exec(home, argv, false);
    }

    private int run(StateHome home, List<String> argv) throws Exception {
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            CompletableFuture<Integer> run = exec(home, argv);
            broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
            return run.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * fexecve(3) is execveat(fd, "", argv, envp, AT_EMPTY_PATH): StraceLine.parse only reads lines
     * starting "execve(", so such a child is neither audited as exec_child nor matched.
     */
    @Test
    void aChildStartedWithExecveatIsNeitherAuditedNorDenied() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.commandPolicy(), "{\"deny_children\": [\"\\\\bsleep\\\\b\"]}");
        Path made = root.resolve("made");
        int exit = run(home, List.of("/usr/bin/python3", "-c", "import os\n"
                + "fd = os.open('/usr/bin/sle' + 'ep', os.O_RDONLY)\n"
                + "pid = os.fork()\n"
                + "if pid == 0: os.execve(fd, ['sle' + 'ep', '1'], {})\n"
                + "os.waitpid(pid, 0)\n"
                + "open('" + made + "', 'w').close()\n"));
        assertThat(Files.readString(home.auditLog())).as("sleep audited as a child and denied")
                .contains("\"exec_child_denied\"");
        assertThat(exit).as("killed").isEqualTo(128 + 9);
        assertThat(made).as("nothing after the denied child ran").doesNotExist();
    }

    /**
     * deny_children matches the path as passed to execve, not the file run: a symlink the agent
     * made (it needs no privilege) under another name runs the denied program unmatched.
     */
    @Test
    void aDeniedProgramReachedThroughASymlinkOfAnotherNameIsNotDenied() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.commandPolicy(), "{\"deny_children\": [\"\\\\bsleep\\\\b\"]}");
        Path link = Files.createSymbolicLink(root.resolve("harmless"), Path.of("/usr/bin/sleep"));
        Path made = root.resolve("made");
        int exit = run(home, List.of("/usr/bin/bash", "-c", link + " 1; touch " + made));
        assertThat(exit).as("killed").isEqualTo(128 + 9);
        assertThat(made).as("nothing after the denied child ran").doesNotExist();
    }

    /**
     * strace runs with -s 65536: a longer argument is cut, and a deny_children pattern past the
     * cut is never matched. Here a child bash reads /etc/shadow with a builtin (no exec of its
     * own), the denied path hidden behind 70,000 bytes of padding in its -c argument.
     */
    @Test
    void aDeniedPatternPastStracesStringLimitIsNotMatched() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.commandPolicy(), "{\"deny_children\": [\"/etc/shadow\"]}");
        Path out = root.resolve("out");
        String pad = System.getProperty("clawguard.attack.pad", "70000");
        Path code = Files.writeString(root.resolve("code"), ":" + " ".repeat(Integer.parseInt(pad))
                + "; read -r l < /etc/shadow; sleep 1; echo \"$l\" > " + out + "\n");
        int exit = run(home, List.of("/usr/bin/bash", "-c", "/usr/bin/bash -c \"$(< " + code + ")\""));
        assertThat(exit).as("killed").isEqualTo(128 + 9);
        assertThat(out).as("nothing of /etc/shadow copied out").doesNotExist();
    }
}
