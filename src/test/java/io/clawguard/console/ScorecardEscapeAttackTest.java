package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.ScorecardChanged;
import io.clawguard.monitor.Connection;
import io.clawguard.monitor.EgressEvaluator;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.Protocol;
import io.clawguard.monitor.SocketSnapshot;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The network checks of the scorecard put a finding's subject (for egress: "tcp 203.0.113.7:443
 * &lt;process&gt;") in the evidence and its summary ("&lt;process&gt; (pid …) → …") in the gap. The
 * process name is whatever the agent wrote to /proc/self/comm. The ports and egress panes escape it
 * (NetworkRow.visible); the scorecard's detail window shows evidence and gap as they are, so raw
 * escape characters reach a Lanterna TextBox (which refuses control characters when drawing) and
 * the Markdown/HTML reports.
 */
class ScorecardEscapeAttackTest {
    @Test
    void theNetworkCheckDetailShowsAProcessChosenNameEscaped() throws Exception {
        String name = "\u001b[8mcurl\u202e";
        Connection c = new Connection(Protocol.TCP, InetAddress.getByName("192.0.2.2"), 40000,
                InetAddress.getByName("203.0.113.7"), 443, 4242, name, "agent", true);
        Finding f = EgressEvaluator.evaluate(new SocketSnapshot(List.of(), List.of(c), Instant.EPOCH),
                Optional.of(List.of()), new io.clawguard.monitor.HostResolver() {
                    @Override
                    public List<InetAddress> addresses(String host) {
                        return List.of();
                    }

                    @Override
                    public Optional<String> name(InetAddress address) {
                        return Optional.empty();
                    }
                }).findings().get(0);
        // What NetworkChecks.findings(...) makes of it: evidence = subjects, gap = the first summary.
        ScorecardChanged.CheckView v = new ScorecardChanged.CheckView("egress_allowlist", "Egress allow-list",
                "violation", "medium", "no unapproved egress", "1 unapproved-egress finding(s)", f.subject(),
                f.summary(), "m", List.of());
        assertThat(String.join("\n", ScorecardPane.detail(v))).as("the scorecard detail the admin opens")
                .doesNotContain("\u001b").doesNotContain("\u202e");
    }
}
