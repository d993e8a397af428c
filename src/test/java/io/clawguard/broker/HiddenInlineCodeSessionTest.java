package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.elevation.ElevationStore;
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
 * Attack: {@code env -vS "bash -c '…'"} (GNU env: -v, then -S STRING) hands bash inline code
 * the table does not see, so the admin's "keep for the session" is honoured, and the very same
 * argv then runs again with whatever code the agent put in a file it writes, without an admin.
 */
class HiddenInlineCodeSessionTest {
    @TempDir
    Path root;

    private static CompletableFuture<Integer> exec(StateHome home, List<String> argv) {
        return InProcessAgent.exec(home, argv, true);
    }

    @Test
    void envGroupedSplitStringHidesInlineShellCodeAndIsKeptForTheSession() throws Exception {
        StateHome home = TestHomes.under(root);
        Path payload = Files.writeString(root.resolve("payload"), "echo first >> " + root.resolve("out") + "\n");
        List<String> argv = List.of("/usr/bin/env", "-vS", "bash -c 'bash " + payload + "'");
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            CompletableFuture<Integer> run = exec(home, argv);
            broker.decide(broker.awaitPending(1), ApprovalDecision.approved(true));
            assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(Files.readString(root.resolve("out"))).isEqualTo("first\n");
            // The agent now rewrites the file it owns and asks for the same argv: no admin sees this one.
            Files.writeString(payload, "echo second >> " + root.resolve("out") + "\n");
            CompletableFuture<Integer> again = exec(home, argv);
            Thread.sleep(3_000);
            assertThat(Files.readString(root.resolve("out"))).as("new code ran from the session, no admin asked")
                    .isEqualTo("first\n");
            assertThat(new ElevationStore(home.elevationState()).read().allowedCommands())
                    .as("a shell handed code is never kept for the session").isEmpty();
            again.cancel(true);
        }
    }
}
