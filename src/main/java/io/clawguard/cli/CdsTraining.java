package io.clawguard.cli;

import io.clawguard.broker.Broker;
import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.FileIdentity;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data archive of the exec client: a broker in a
 * throwaway state folder, and one allow-listed {@code clawguard exec} against it, run from the
 * exec jar with the JVM listing every class it loads into {@code args[1]}. Run only by
 * {@code ./clawguard} after a build.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path execJar = Path.of(args[0]);
        Path classList = Path.of(args[1]);
        Path home = Files.createTempDirectory("clawguard-cds");
        try {
            List<String> argv = List.of("/usr/bin/true");
            Path program = Path.of("/usr/bin/true").toRealPath();
            CommandBinding binding = new CommandBinding(argv, program.toString(), "/", null, ProcessIdentity.uid(),
                    FileIdentity.of(program).toString(), FileIdentity.of(Path.of("/")).toString());
            new ElevationStore(home.resolve("root-session-state.json")).update(s -> new ElevationStore.Outcome<>(
                    ElevationState.INITIAL.granted(binding, "cds training", AllowedCommand.Scope.SESSION, "cds",
                            Instant.now()), null));
            int uid = ProcessIdentity.uid();
            try (Broker broker = Broker.start(new Broker.Settings(new StateHome(home), GuardConfig.DEFAULTS, uid,
                    Duration.ofSeconds(5), Duration.ofSeconds(2), null, Clock.systemUTC()))) {
                Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                        "-XX:DumpLoadedClassList=" + classList, "-cp", execJar.toString(), "io.clawguard.cli.ExecMain",
                        "--home", home.toString(), "--reason", "cds training", "--keep-session", "--", "/usr/bin/true")
                        .directory(Path.of("/").toFile()).inheritIO().start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("the training exec did not succeed");
                }
            }
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
