package io.clawguard.cli;

import io.clawguard.audit.AuditChain;
import io.clawguard.json.JsonValues;
import io.clawguard.files.FileFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Initialises, on a second core, the JDK machinery every {@code exec} needs (the security
 * providers behind SHA-256, Jackson, time formatting, file attributes, the process launcher) while the main thread parses the
 * command line. It only loads and initialises classes; it reads and writes nothing.
 */
final class ExecWarmUp {
    private ExecWarmUp() {
    }

    static void start() {
        Thread t = new Thread(ExecWarmUp::warm, "exec-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warm() {
        AuditChain.sha256(new byte[0]);
        try {
            JsonValues.parse(JsonValues.canonical(Instant.now().toString()));
        } catch (IOException e) {
            // Cannot happen for this constant input; warming is best effort anyway.
        }
        Instant.parse("2026-01-01T00:00:00.000001Z");
        try {
            FileFacts.of(Path.of("/"));
            // Initialises the process launcher (its native setup) without starting anything.
            Class.forName("java.lang.ProcessImpl", true, ClassLoader.getSystemClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            // Best effort: the real call reports any problem.
        }
    }
}
