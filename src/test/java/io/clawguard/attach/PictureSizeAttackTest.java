package io.clawguard.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.WireProtocol;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.monitor.Finding;
import io.clawguard.monitor.ListeningSocket;
import io.clawguard.monitor.PortEvaluator;
import io.clawguard.monitor.Protocol;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each network picture crosses the admin socket as one JSON line, which a console refuses past
 * WireProtocol.MAX_LINE_BYTES (32 MiB): its reader ends and the console is disconnected; on
 * re-attach the broker replays the same picture first, so the admin cannot attach again while the
 * agent's sockets stay open. Every listener of the agent weighs its own row plus two findings
 * (unapproved-port and public-bind, with their sentences), about 900 bytes. The agent can open
 * UDP listeners on every unprivileged port of 0.0.0.0 and [::] (2 x 64,511) and TCP the same,
 * in a few processes: 60,000 is well within reach.
 */
class PictureSizeAttackTest {
    @Test
    void thePictureOfSixtyThousandAgentListenersStillReachesTheConsole() throws Exception {
        List<ListeningSocket> listening = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            boolean v6 = i >= 30_000;
            listening.add(new ListeningSocket(Protocol.UDP, InetAddress.getByName(v6 ? "::" : "0.0.0.0"),
                    1024 + i % 30_000, 4242 + i / 19_000, "python3", "agent", true));
        }
        List<Finding> findings = PortEvaluator.evaluate(listening, Optional.of(List.of()));
        NetworkChanged picture = new NetworkChanged(
                listening.stream().map(s -> new NetworkChanged.Listener(s.key(), s.protocol().wire(),
                        s.bind().getHostAddress(), s.port(), s.pid(), s.process(), s.user())).toList(),
                List.of(), 0,
                findings.stream().map(f -> new NetworkChanged.FindingView(f.kind().id(),
                        f.risk().name().toLowerCase(Locale.ROOT), f.subject(), f.summary(), f.recommendation())).toList(),
                true, true, List.of(), Instant.EPOCH);
        Map<String, Object> m = WireProtocol.message("event");
        m.putAll(new EventCodec().encode(picture));
        int bytes = WireProtocol.encode(m).length;
        assertThat(bytes).as("bytes of the line carrying the picture to each console")
                .isLessThan(WireProtocol.MAX_LINE_BYTES);
    }
}
