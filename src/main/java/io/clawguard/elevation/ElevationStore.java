package io.clawguard.elevation;

import io.clawguard.files.AtomicFile;
import io.clawguard.files.ExclusiveLock;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code root-session-state.json} on disk. Every change is a read-modify-write under an
 * exclusive lock, written atomically, so concurrent processes neither corrupt the file
 * nor lose one another's updates.
 */
public final class ElevationStore {
    private final Path file;
    private final Path lockFile;

    public ElevationStore(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    }

    public Path file() {
        return file;
    }

    /** The current state; {@link ElevationState#INITIAL} when there is no file yet. */
    public ElevationState read() throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(file);
        if (doc.isEmpty()) {
            return ElevationState.INITIAL;
        }
        return ElevationStateCodec.fromJson(JsonObject.of(file.toString(), doc.get()));
    }

    /** A change computed from the state read under the lock; {@code result} is passed back out. */
    @FunctionalInterface
    public interface Change<R> {
        Outcome<R> apply(ElevationState current) throws IOException;
    }

    /** The state to write (or the same instance to write nothing) and what the caller learns. */
    public record Outcome<R>(ElevationState next, R result) {
    }

    public <R> R update(Change<R> change) throws IOException, InvalidJsonFileException {
        try (ExclusiveLock ignored = ExclusiveLock.acquire(lockFile)) {
            ElevationState current = read();
            Outcome<R> outcome = change.apply(current);
            if (outcome.next() != current) {
                String json = JsonValues.pretty(ElevationStateCodec.toJson(outcome.next())) + "\n";
                AtomicFile.write(file, json.getBytes(StandardCharsets.UTF_8), AtomicFile.OWNER_ONLY);
            }
            return outcome.result();
        }
    }
}
