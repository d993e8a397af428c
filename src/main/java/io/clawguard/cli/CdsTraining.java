package io.clawguard.cli;

import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data archive: one allow-listed
 * {@code clawguard exec} in a throwaway state folder, so the archive holds exactly the
 * classes the privileged path loads. Run only by {@code ./clawguard} after a build.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("clawguard-cds");
        try {
            List<String> argv = List.of("/usr/bin/true");
            Instant now = Instant.now();
            CommandBinding binding = new CommandBinding(argv, Path.of("/usr/bin/true").toRealPath().toString(),
                    Path.of("").toAbsolutePath().toString(), null);
            new ElevationStore(home.resolve("root-session-state.json")).update(s -> new ElevationStore.Outcome<>(
                    ElevationState.INITIAL.granted(binding, "cds training", AllowedCommand.Scope.SESSION, "cds", now),
                    null));
            ClawGuard.execute("exec", "--home", home.toString(), "--reason", "cds training",
                    "--keep-session", "--", "/usr/bin/true");
        } finally {
            deleteTree(home);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
