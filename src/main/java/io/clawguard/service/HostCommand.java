package io.clawguard.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs one of the few host commands the install needs, in the C locale, and collects what it printed. */
final class HostCommand {
    /** How a command ended and its standard output and error, together. */
    record Result(int exitCode, String output) {
        String firstLine() {
            return output.strip().lines().findFirst().orElse("");
        }
    }

    private HostCommand() {
    }

    static Result run(List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        // Messages are matched as text, so they must not be translated.
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(p.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", argv) + " was interrupted", e);
        }
    }
}
