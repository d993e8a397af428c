package io.clawguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code clawguard} as a real process (the same main class the launcher starts) with
 * the given environment and standard input, and collects what it printed.
 */
public final class CliProcess {
    /** What one run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private CliProcess() {
    }

    public static Result run(Path cwd, Map<String, String> env, String stdin, String... args) {
        try {
            Process p = start(cwd, env, args);
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            return collect(p, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code clawguard ARGS…} without waiting; standard input is closed. */
    public static Process start(Path cwd, Map<String, String> env, String... args) throws IOException {
        return start(List.of(), cwd, env, args);
    }

    /** The same, run through {@code wrapper} (as {@code unshare --net --}, for a network of its own). */
    public static Process start(List<String> wrapper, Path cwd, Map<String, String> env, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "io.clawguard.cli.ClawGuard"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("CLAWGUARD_HOME");
        pb.environment().keySet().removeIf(k -> k.startsWith("OPENCLAW_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits for a started process and collects what it printed. */
    public static Result collect(Process p, String what) {
        try {
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("clawguard " + what + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
