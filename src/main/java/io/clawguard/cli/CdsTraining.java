package io.clawguard.cli;

import io.clawguard.approval.BrokerContext;
import io.clawguard.approval.BrokerServer;
import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.PeerPolicy;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.bus.EventBus;
import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.CommandValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data archive: an allow-listed
 * {@code clawguard exec} in a throwaway state folder, once through a broker (a console is
 * running) and once decided in-process, so the archive holds the classes both privileged
 * paths load. Run only by {@code ./clawguard} after a build.
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
            StateHome state = new StateHome(home);
            EventBus bus = new EventBus();
            ElevationGate gate = new ElevationGate(new ElevationGate.Dependencies(state, CommandValidator.onThisHost(),
                    Clock.systemUTC(), bus, ProcessIdentity.uid()));
            try (BrokerServer broker = new BrokerServer(state.brokerSocket(), new BrokerContext(gate,
                    new PendingApprovals(bus, Clock.systemUTC(), Duration.ofSeconds(1)),
                    PeerPolicy.of(ProcessIdentity.uid(), List.of(), Path.of("/etc/passwd"))), false)) {
                broker.start();
                exec(home);
            }
            exec(home);
        } finally {
            deleteTree(home);
        }
    }

    private static void exec(Path home) {
        ClawGuard.execute("exec", "--home", home.toString(), "--reason", "cds training", "--keep-session", "--",
                "/usr/bin/true");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
