package io.clawguard.compliance;

import io.clawguard.files.AtomicFile;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Tells someone when the posture gets worse: compares each assessment with the last one
 * (kept in {@code compliance-state.json}) and, when a check worsened or newly fails, sends
 * one message on the standard input of the command in {@code notify.json}
 * ({@code {"command": ["/usr/bin/logger", "-t", "clawguard"]}}). The command runs as an argv,
 * never through a shell, and a shell or interpreter is refused as the command.
 */
public final class Notifier {
    private static final Set<String> REFUSED = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "fish", "csh", "tcsh",
            "python", "python2", "python3", "perl", "ruby", "node", "nodejs", "php", "lua", "tclsh", "env", "busybox",
            "awk", "gawk", "sed");

    private final Path stateFile;
    private final Path commandFile;

    public Notifier(Path stateFile, Path commandFile) {
        this.stateFile = stateFile;
        this.commandFile = commandFile;
    }

    /** What got worse since the last assessment (empty the first time: nothing to compare with). */
    public List<String> worsened(Assessment a) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(stateFile);
        if (doc.isEmpty()) {
            return List.of();
        }
        JsonObject before = JsonObject.of(stateFile.toString(), doc.get());
        List<String> changes = new ArrayList<>();
        for (ScoredCheck s : a.checks()) {
            Status now = s.result().status();
            Optional<String> was = before.optString(s.control().checkId());
            if (!now.assessed()) {
                continue;
            }
            Status previous = was.flatMap(Notifier::status).orElse(null);
            boolean newFailure = previous == null && now != Status.COMPLIANT;
            boolean worse = previous != null && previous.assessed() && now.ordinal() < previous.ordinal();
            if (newFailure || worse) {
                changes.add(s.control().checkId() + ": " + (previous == null ? "new" : previous.wire()) + " → "
                        + now.wire() + " (" + s.result().observed() + ")");
            }
        }
        return changes;
    }

    /** A status as an earlier version wrote it; empty for one this version does not know. */
    private static Optional<Status> status(String wire) {
        try {
            return Optional.of(Status.valueOf(wire.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Compares, notifies when something got worse, then remembers this assessment. Returns what was sent. */
    public Optional<String> process(Assessment a) throws IOException, InvalidJsonFileException {
        List<String> changes = worsened(a);
        Optional<String> sent = Optional.empty();
        if (!changes.isEmpty()) {
            String message = "ClawGuard on " + a.host() + ": compliance got worse (score " + a.score() + "/100)\n"
                    + String.join("\n", changes) + "\n";
            Optional<List<String>> command = command();
            if (command.isPresent()) {
                send(command.get(), message);
                sent = Optional.of(message);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        a.checks().forEach(s -> state.put(s.control().checkId(), s.result().status().wire()));
        AtomicFile.write(stateFile, (JsonValues.pretty(state) + "\n").getBytes(StandardCharsets.UTF_8), AtomicFile.OWNER_ONLY);
        return sent;
    }

    /** The configured command; empty when none is configured; an error when it may not be used. */
    Optional<List<String>> command() throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(commandFile);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        JsonObject o = JsonObject.of(commandFile.toString(), doc.get());
        List<String> argv = o.strings("command");
        if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
            throw o.error("command", "must be an argv list starting with an absolute path");
        }
        String program = Path.of(argv.get(0)).getFileName().toString().replaceAll("[0-9.]+$", "");
        if (REFUSED.contains(program) || REFUSED.contains(Path.of(argv.get(0)).getFileName().toString())) {
            throw o.error("command", "may not be a shell or an interpreter (" + argv.get(0) + "): name the program itself");
        }
        return Optional.of(argv);
    }

    private static void send(List<String> argv, String message) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(message.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the notify command " + argv.get(0) + " did not finish in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while notifying", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("the notify command " + argv.get(0) + " exited with " + p.exitValue());
        }
    }
}
