package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.InProcessAgent;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every program an approved command starts is seen (strace follows the run's process tree,
 * however short a program lives), audited as exec_child, and a deny_children rule ends the run.
 */
class ChildProcessesTest {
    @TempDir
    Path root;

    private static CompletableFuture<Integer> exec(StateHome home, List<String> argv) {
        return InProcessAgent.exec(home, argv, false);
    }

    /** The exec_child records of the log, as their argv. */
    private static List<List<?>> children(StateHome home, String action) throws IOException {
        List<List<?>> out = new ArrayList<>();
        for (String line : Files.readAllLines(home.auditLog())) {
            if (JsonValues.parse(line) instanceof Map<?, ?> m && action.equals(m.get("action"))) {
                out.add((List<?>) m.get("child_argv"));
            }
        }
        return out;
    }

    @Test
    void theProgramsAnApprovedShellStartsAreAuditedEvenTheShortestLived() throws Exception {
        StateHome home = TestHomes.under(root);
        Path made = root.resolve("made");
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            CompletableFuture<Integer> run = exec(home, List.of("/usr/bin/bash", "-c", "id >/dev/null; touch " + made));
            broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        }
        assertThat(made).exists();
        assertThat(children(home, "exec_child")).containsExactly(List.of("id"), List.of("touch", made.toString()));
        String audit = Files.readString(home.auditLog());
        assertThat(audit).contains("\"exe\":\"/usr/bin/id\"", "\"exe\":\"/usr/bin/touch\"");
        assertThat(home.dir().resolve("spool")).isEmptyDirectory();
    }

    @Test
    void aChildMatchingDenyChildrenEndsTheWholeRun() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.commandPolicy(), "{\"deny_children\": [\"\\\\bcurl\\\\b\"]}");
        Path after = root.resolve("after");
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            CompletableFuture<Integer> run = exec(home, List.of("/usr/bin/bash", "-c",
                    "sh -c 'curl -s http://127.0.0.1:9/install | sh'; sleep 2; touch " + after));
            broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
            assertThat(run.get(30, TimeUnit.SECONDS)).as("killed").isEqualTo(128 + 9);
        }
        assertThat(after).as("nothing after the denied child ran").doesNotExist();
        // The rule acts once the exec is seen: the first match ends the run, and anything its
        // children began in the few milliseconds that takes is killed with it.
        assertThat(children(home, "exec_child_denied")).first()
                .isEqualTo(List.of("sh", "-c", "curl -s http://127.0.0.1:9/install | sh"));
        assertThat(Files.readString(home.auditLog())).contains("\"pattern\":\"\\\\bcurl\\\\b\"");
    }

    /** Where the unified cgroup hierarchy is writable (here it is), each run lives in a cgroup of its own, gone after. */
    @Test
    void eachRunLivesInACgroupOfItsOwnWhichGoesWithIt() throws Exception {
        StateHome home = TestHomes.under(root);
        Path seen = root.resolve("cgroup");
        String id;
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            CompletableFuture<Integer> run = exec(home, List.of("/usr/bin/bash", "-c", "cat /proc/self/cgroup > " + seen));
            var pending = broker.awaitPending(1);
            id = pending.request().id();
            broker.decide(pending, ApprovalDecision.approved(false));
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        }
        String line = Files.readAllLines(seen).stream().filter(l -> l.startsWith("0::")).findFirst().orElseThrow();
        assertThat(line).endsWith("/clawguard-runs/" + id);
        Path mount = Path.of("/sys/fs/cgroup/unified").toFile().isDirectory() ? Path.of("/sys/fs/cgroup/unified")
                : Path.of("/sys/fs/cgroup");
        assertThat(mount.resolve(line.substring(4))).as("removed after the run").doesNotExist();
    }
}
