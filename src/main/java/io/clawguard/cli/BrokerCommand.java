package io.clawguard.cli;

import io.clawguard.broker.Broker;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.OshiSocketCollector;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard broker}: the broker as a foreground service, the way systemd starts it. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run the broker in the foreground: it takes requests on the agent socket, runs what an admin"
                + " approved, and serves consoles on the admin socket. Stops on SIGTERM or SIGINT.",
                "Run it as root with --system for the separated install (see clawguard service install)."})
final class BrokerCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--approval-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a request waits before it is refused as timed out (default: clawguard.json's"
                    + " pending_timeout_seconds, else 5m).")
    Duration approvalTimeout;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2s",
            description = "How often the ports and outbound connections are scanned (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--no-network", description = "Do not watch listening ports and outbound connections.")
    boolean noNetwork;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StateHome h = home.stateHome();
        LogFiles.toFile(h.logFile());
        int uid = ProcessIdentity.uid();
        Broker broker;
        try {
            GuardConfig config = GuardConfig.load(h.config(), uid);
            broker = Broker.start(new Broker.Settings(h, config, uid,
                    approvalTimeout != null ? approvalTimeout : config.pendingTimeout(), interval,
                    noNetwork ? null : new OshiSocketCollector(Clock.systemUTC()), Clock.systemUTC()));
        } catch (InvalidJsonFileException | IOException e) {
            System.err.println("clawguard broker: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        System.out.println("clawguard broker: agents ask on " + h.agentSocket() + ", consoles attach on "
                + h.adminSocket() + (uid == 0 ? "" : " (not root: a same-user broker)"));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
