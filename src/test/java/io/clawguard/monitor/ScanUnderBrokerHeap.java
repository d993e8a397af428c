package io.clawguard.monitor;

import io.clawguard.bus.EventBus;
import io.clawguard.files.StateHome;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;

/**
 * What the broker's network monitor does on each scan, in a JVM of its own started with the
 * launcher's options (-Xmx160m -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC): the console's
 * collector (sock_diag), the system resolver, a bus, the rules of an empty home. Prints
 * "survived" after {@code args[0]} scans.
 */
public final class ScanUnderBrokerHeap {
    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("cg-heap");
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.egressAllowlist(), "[]");
        TestHomes.write(home.approvedPorts(), "[]");
        EventBus bus = new EventBus();
        try (CachingResolver resolver = CachingResolver.system(Clock.systemUTC(), Duration.ofMinutes(5))) {
            NetworkMonitor monitor = new NetworkMonitor(home,
                    LinuxSocketCollector.repeating(Clock.systemUTC(), EnumSet.allOf(OwnerLookup.class)), resolver, bus);
            for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                NetworkScan scan = monitor.scan();
                System.out.println("scan " + i + ": " + scan.snapshot().connections().size() + " connections, "
                        + scan.findings().size() + " findings");
            }
        }
        System.out.println("survived");
    }
}
