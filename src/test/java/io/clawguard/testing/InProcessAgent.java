package io.clawguard.testing;

import io.clawguard.exec.ExecClient;
import io.clawguard.exec.ExecRequestJson;
import io.clawguard.files.StateHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The agent's side of a request, in the test's own process: the real exec client on its own
 * thread, asking the broker of {@code home} to run {@code argv}; completes with the exit code.
 */
public final class InProcessAgent {
    private InProcessAgent() {
    }

    public static CompletableFuture<Integer> exec(StateHome home, List<String> argv, boolean keep) {
        return exec(home, argv, keep, "");
    }

    /** The same, with {@code stdin} as the command's standard input. */
    public static CompletableFuture<Integer> exec(StateHome home, List<String> argv, boolean keep, String stdin) {
        return CompletableFuture.supplyAsync(() -> new ExecClient(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(home.agentSocket(),
                ExecRequestJson.encode(argv, "test request", false, keep, null, Map.of())));
    }
}
