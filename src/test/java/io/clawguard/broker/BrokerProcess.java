package io.clawguard.broker;

import io.clawguard.files.StateHome;
import io.clawguard.testing.RunningBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A broker in a JVM of its own, so a test can kill it or run it as another user than the test's. */
public final class BrokerProcess {
    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (RunningBroker broker = new RunningBroker(new StateHome(Path.of(args[0])), Clock.systemUTC(),
                Duration.ofMinutes(5))) {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
