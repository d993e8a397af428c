package io.clawguard.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's own tools for the checks: found only in the system folders (never through
 * a PATH someone else may have set), in the C locale, with no input, a deadline and a cap on
 * what is kept of their output, so a hung or chatty tool costs a check, not the assessment.
 */
final class HostTools {
    private static final List<String> FOLDERS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final int KEPT_BYTES = 4 << 20;

    private HostTools() {
    }

    static Optional<HostFacts.ToolOutput> run(List<String> argv) {
        return run(argv, DEADLINE);
    }

    static Optional<HostFacts.ToolOutput> run(List<String> argv, Duration deadline) {
        Optional<Path> tool = FOLDERS.stream().map(f -> Path.of(f, argv.get(0))).filter(Files::isExecutable).findFirst();
        if (tool.isEmpty() || argv.get(0).contains("/")) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>(argv);
        command.set(0, tool.get().toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> kept(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> kept(p.getErrorStream()));
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                // The whole tree: a child left behind would hold the pipes, and their readers, open.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.of(new HostFacts.ToolOutput(-1, "", argv.get(0) + " did not finish in "
                        + deadline.toSeconds() + " s"));
            }
            return Optional.of(new HostFacts.ToolOutput(p.exitValue(), out.get(deadline.toMillis(),
                    TimeUnit.MILLISECONDS), err.get(deadline.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new HostFacts.ToolOutput(-1, "", "interrupted"));
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Optional.of(new HostFacts.ToolOutput(-1, "", argv.get(0) + ": " + e.getMessage()));
        }
    }

    /** Reads to the end (so the tool never blocks on a full pipe) and keeps the first 4 MiB. */
    private static String kept(InputStream in) {
        try (in) {
            byte[] head = in.readNBytes(KEPT_BYTES);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new String(head, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
