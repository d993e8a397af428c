package io.clawguard.cli;

import io.clawguard.text.VisibleText;
import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.ElevationStatus;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.ShellQuote;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard status}: normal or elevated, what is allow-listed, and the time left. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the elevation state: mode, allow-listed commands, idle time left; exit 4 when"
                + " clawguard.json or the state file cannot be read."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        StateHome h = home.stateHome();
        ElevationStatus status;
        try {
            GuardConfig config = GuardConfig.load(h.config(), ProcessIdentity.uid());
            status = new ElevationStatus(new ElevationStore(h.elevationState()).read(), config.idleTimeout(),
                    Clock.systemUTC().instant());
        } catch (InvalidJsonFileException e) {
            throw CommandFailure.brokenConfig(e);
        }
        if (json) {
            System.out.println(JsonValues.pretty(status.toJson()));
            return 0;
        }
        System.out.println("mode: " + status.mode().toUpperCase(Locale.ROOT));
        if (status.state().elevated()) {
            System.out.println("idle time left: " + clock(status.idleLeft()) + " of " + clock(status.effectiveTimeout()));
            System.out.println("session: " + (status.state().approvedSessionId() == null ? "(none)"
                    : VisibleText.of(status.state().approvedSessionId()).text()));
            for (AllowedCommand c : status.state().allowedCommands()) {
                System.out.println("  [" + c.scope().name().toLowerCase(Locale.ROOT) + "] "
                        + VisibleText.of(ShellQuote.join(c.argv())).text());
            }
        }
        return 0;
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
