package io.clawguard.cli;

import io.clawguard.broker.Broker;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.OwnerLookup;
import io.clawguard.monitor.LinuxSocketCollector;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import picocli.CommandLine.Option;

/** The options of a broker, shared by {@code clawguard broker} and a console that runs one itself. */
final class BrokerOptions {
    @Option(names = "--approval-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a request waits before it is refused as timed out (default: clawguard.json's"
                    + " pending_timeout_seconds, else 5m). Examples: 90s, 5m.")
    Duration approvalTimeout;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2s",
            description = "How often the ports and outbound connections are scanned (default ${DEFAULT-VALUE}).")
    Duration interval;

    /** Starts a broker on {@code home} as this process's user; {@code watchNetwork} false skips the scans. */
    Broker start(StateHome home, boolean watchNetwork) throws IOException, InvalidJsonFileException {
        int uid = ProcessIdentity.uid();
        GuardConfig config = GuardConfig.load(home.config(), uid);
        return Broker.start(new Broker.Settings(home, config, uid,
                approvalTimeout != null ? approvalTimeout : config.pendingTimeout(), interval,
                watchNetwork ? LinuxSocketCollector.repeating(Clock.systemUTC(), EnumSet.allOf(OwnerLookup.class)) : null, Clock.systemUTC()));
    }
}
