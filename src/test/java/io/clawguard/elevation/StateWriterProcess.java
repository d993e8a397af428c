package io.clawguard.elevation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A separate JVM that adds one session approval to a state file: one of many concurrent writers. */
public final class StateWriterProcess {
    private StateWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        ElevationStore store = new ElevationStore(Path.of(args[0]));
        CommandBinding b = new CommandBinding(List.of("/usr/bin/echo", args[1]), "/usr/bin/echo", "/", null, 1001, "8:1", "8:2");
        store.update(s -> new ElevationStore.Outcome<>(
                s.granted(b, "writer " + args[1], AllowedCommand.Scope.SESSION, args[1], Instant.now()), null));
    }
}
