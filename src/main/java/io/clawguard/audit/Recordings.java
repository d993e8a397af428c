package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run recordings beside the audit log ({@code recordings/ID.cast}, asciicast v2), read back
 * event by event for a player: the header's command, then each event's time, code and text.
 */
public final class Recordings {
    private Recordings() {
    }

    /** Receives a recording as it is read. */
    public interface Sink {
        void command(String command);

        /** One event: seconds since the start, its code ({@code o}, {@code i}, {@code m}) and its text. */
        void event(double seconds, String code, String text) throws IOException;
    }

    /** The recording of run {@code requestId}; an id that is not one (a path, a dot) is refused. */
    public static Path file(Path auditLog, String requestId) {
        if (!requestId.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a run's request id is letters, digits and -");
        }
        return auditLog.resolveSibling("recordings").resolve(requestId + ".cast");
    }

    /** Reads {@code file} into {@code sink}; an exception naming the file when it is missing or not a recording. */
    public static void read(Path file, Sink sink) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a plain file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !(JsonValues.parse(first) instanceof Map<?, ?> header)
                    || !Long.valueOf(2).equals(header.get("version"))) {
                throw new IOException(file + " is not an asciicast v2 recording");
            }
            sink.command(String.valueOf(header.get("command")));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (JsonValues.parse(line) instanceof List<?> e && e.size() == 3 && e.get(0) instanceof Number t) {
                    sink.event(t.doubleValue(), String.valueOf(e.get(1)), String.valueOf(e.get(2)));
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException("no recording " + file + " (the run was not recorded, or it was archived)");
        }
    }
}
