package io.clawguard.cli;

import io.clawguard.files.StateHome;
import io.clawguard.monitor.CachingResolver;
import io.clawguard.monitor.Connection;
import io.clawguard.monitor.EgressRule;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.OwnerLookup;
import io.clawguard.monitor.LinuxSocketCollector;
import io.clawguard.monitor.SocketSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One scan for a report on the command line: unlike the console's scans it waits briefly
 * for DNS, so host rules and reverse names are known when the report is printed.
 */
final class OneShotScan {
    private static final Duration DNS_WAIT = Duration.ofSeconds(2);

    private OneShotScan() {
    }

    /** One scan that names the processes of the sockets in {@code owners}: those the report prints. */
    static NetworkScan run(StateHome home, Set<OwnerLookup> owners) throws IOException {
        Clock clock = Clock.systemUTC();
        try (CachingResolver resolver = CachingResolver.system(clock, Duration.ofMinutes(5))) {
            SocketSnapshot snapshot = LinuxSocketCollector.oneShot(clock, owners).collect();
            NetworkScan.RuleCache rules = new NetworkScan.RuleCache();
            rules.reload(home);
            for (EgressRule r : rules.allowlist().orElse(List.of())) {
                if (r.host() != null) {
                    resolver.addresses(r.host());
                }
            }
            for (Connection c : snapshot.connections()) {
                resolver.name(c.remote());
            }
            resolver.await(DNS_WAIT);
            return NetworkScan.of(home, snapshot, resolver, rules);
        }
    }
}
