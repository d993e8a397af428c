package io.clawguard.cli;

import io.clawguard.broker.Broker;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import java.io.IOException;
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

    @Mixin
    BrokerOptions options;

    @Option(names = "--no-network", description = "Do not watch listening ports and outbound connections.")
    boolean noNetwork;

    @Override
    public Integer call() throws IOException, InterruptedException {
        StateHome h = home.stateHome();
        LogFiles.toFile(h.logFile());
        Broker broker;
        try {
            broker = options.start(h, !noNetwork);
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
                + h.adminSocket() + (ProcessIdentity.uid() == 0 ? "" : " (not root: a same-user broker)"));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
