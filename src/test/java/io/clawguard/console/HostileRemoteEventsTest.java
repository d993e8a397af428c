package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.attach.EventCodec;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.Event;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ATTACK (hostile remote broker): in a console over many hosts, every event a host's broker
 * sends is decoded by {@link EventCodec} and handed to the screen, which draws on fields it
 * assumes are set. An event whose required field is JSON null is refused where it arrives (the
 * liar's link ends), so it never reaches the screen every other host's requests are approved on.
 */
class HostileRemoteEventsTest {
    private static final EventCodec CODEC = new EventCodec();

    private static HostsChanged hosts() {
        return new HostsChanged(List.of(new HostsChanged.HostView("good", true, null),
                new HostsChanged.HostView("liar", true, null)), "liar", 1, ConsoleRig.T0);
    }

    /** The event as it arrives over the wire, with {@code nulled} fields set to JSON null. */
    private static Event fromWire(Event e, String... nulled) {
        Map<String, Object> wire = CODEC.encode(e);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) wire.get("event"));
        for (String f : nulled) {
            fields.put(f, null);
        }
        return CODEC.decode((String) wire.get("event_type"), fields);
    }

    @Test
    void aRemoteRequestWithoutATimeDoesNotStopTheScreenOfEveryHost() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(hosts());
        rig.bus.publish(rig.request("good/1a-2b-1", List.of("/usr/bin/id"), "on good"));
        ApprovalRequested honest = new ApprovalRequested("liar/9z-2b-1", List.of("/usr/bin/uptime"), List.of(""),
                List.of(), false, "/usr/bin/uptime", "/", null, "on liar", false, false, false, false, 1000, 42,
                "agent", "root", 1, ApprovalRequested.Code.NONE, ConsoleRig.T0.plus(Duration.ofMinutes(5)), ConsoleRig.T0);
        assertThatThrownBy(() -> fromWire(honest, "at", "deadline")).as("refused where it arrives")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ApprovalRequested without");
        assertThatCode(rig::settle).doesNotThrowAnyException();
        assertThat(rig.screen()).as("the honest host's request must stay on screen")
                .doesNotContain("could not draw this screen").contains("/usr/bin/id");
    }

    @Test
    void aRemoteForwardingStateWithoutAStateDoesNotStopTheScreen() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(hosts());
        rig.bus.publish(rig.request("good/1a-2b-1", List.of("/usr/bin/id"), "on good"));
        assertThatThrownBy(() -> fromWire(new ForwardingChanged("tcp://siem:6514", ForwardingChanged.OK, 0, null,
                ConsoleRig.T0), "state")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ForwardingChanged without state");
        assertThatCode(rig::settle).doesNotThrowAnyException();
        assertThat(rig.screen()).as("the honest host's request must stay on screen")
                .doesNotContain("could not draw this screen").contains("/usr/bin/id");
    }

    /**
     * A scorecard is the broker's own computation on one host, but over many hosts it arrives
     * from another machine: its band, coverage, check ids and risks are drawn escaped like any
     * remote text, or one control character from a hostile host stops the screen of every host.
     */
    @Test
    void aRemoteScorecardCannotWriteControlCharactersOntoTheScreen() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(hosts());
        rig.bus.publish(rig.request("good/1a-2b-1", List.of("/usr/bin/id"), "on good"));
        String esc = "\u001b]0;owned\u0007\u001b[2J";
        rig.bus.publish(new ScorecardChanged(40, "1 of 1 checks" + esc, 100, "poor" + esc, Map.of("violation", 1L),
                Map.of("high", 1L), List.of(new ScorecardChanged.CheckView("check" + esc, "Title", "violation",
                "high" + esc, "e", "o", "ev", "gap", "fix", List.of())), ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).as("every remote text drawn escaped").doesNotContain("\u001b", "\u0007")
                .doesNotContain("could not draw this screen").contains("/usr/bin/id", "poor\\x1b");
    }

    /** The same for a remote network picture: its keys, protocols, addresses and rule errors are another machine's words. */
    @Test
    void aRemoteNetworkPictureCannotWriteControlCharactersOntoTheScreen() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(hosts());
        rig.bus.publish(rig.request("good/1a-2b-1", List.of("/usr/bin/id"), "on good"));
        String esc = "\u001b]0;owned\u0007\u001b[2J";
        rig.bus.publish(new NetworkChanged(
                List.of(new NetworkChanged.Listener("tcp 0.0.0.0:80" + esc, "tcp" + esc, "0.0.0.0" + esc, 80, 7, "web",
                        "www")),
                List.of(new NetworkChanged.Destination("k" + esc, "tcp" + esc, "10.0.0.9" + esc, 443, 8, "curl", "www")),
                0, List.of(new NetworkChanged.FindingView("open" + esc, "high" + esc, "tcp 0.0.0.0:80" + esc, "s", "r")),
                true, true, List.of("approved_ports.json" + esc, "egress_allowlist.json" + esc), ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).as("every remote text drawn escaped").doesNotContain("\u001b", "\u0007")
                .doesNotContain("could not draw this screen").contains("/usr/bin/id", "\\x1b");
    }
}
