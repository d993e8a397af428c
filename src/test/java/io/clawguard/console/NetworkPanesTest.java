package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.bus.NetworkChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ports and egress panes on the virtual terminal, fed by the monitor's event. */
class NetworkPanesTest {
    private static NetworkChanged picture(boolean baseline) {
        return new NetworkChanged(
                List.of(new NetworkChanged.Listener("tcp 0.0.0.0:22", "tcp", "0.0.0.0", 22, 10, "sshd", "root"),
                        new NetworkChanged.Listener("tcp 0.0.0.0:23", "tcp", "0.0.0.0", 23, 11, "telnetd", "root"),
                        new NetworkChanged.Listener("udp 127.0.0.1:53", "udp", "127.0.0.1", 53, 12, "dnsmasq", "dns")),
                List.of(new NetworkChanged.Destination("tcp 203.0.113.9:443 curl", "tcp", "203.0.113.9", 443, 20, "curl",
                        "agent")),
                2,
                List.of(new NetworkChanged.FindingView("insecure-port", "high", "tcp 0.0.0.0:23",
                                "Telnet (cleartext) listens on tcp 0.0.0.0:23", "Move to SSH and close 23/tcp."),
                        new NetworkChanged.FindingView("unapproved-port", "medium", "tcp 0.0.0.0:23",
                                "tcp 0.0.0.0:23 is in no rule", "Stop the service."),
                        new NetworkChanged.FindingView("unapproved-egress", "medium", "tcp 203.0.113.9:443 curl",
                                "curl → tcp 203.0.113.9:443: matches no rule", "Add a rule or stop curl.")),
                baseline, true, List.of(), ConsoleRig.T0);
    }

    @Test
    void aFailedScanIsSaidOnBothPanesOverTheLastPicture() {
        ConsoleRig rig = new ConsoleRig(150, 40);
        rig.bus.publish(picture(true).failing("IOException: cannot open a sock_diag socket (errno 24)\u001b[2J"));
        rig.settle();
        String screen = rig.screen();
        assertThat(screen.split("SCAN FAILED, not current: IOException", -1)).as("said on both panes").hasSize(3);
        assertThat(screen).contains("tcp 0.0.0.0:22").doesNotContain("\u001b");
    }

    @Test
    void flaggedRowsStandOutWithAMarkerAndComeFirst() {
        ConsoleRig rig = new ConsoleRig(150, 40);
        rig.bus.publish(picture(true));
        rig.settle();
        String screen = rig.screen();
        assertThat(screen).contains("!IU  tcp 0.0.0.0:23  telnetd", " ok  tcp 0.0.0.0:22  sshd", "!E   tcp 203.0.113.9:443  curl",
                "Outbound (2 inbound apart)");
        assertThat(screen.indexOf("tcp 0.0.0.0:23")).isLessThan(screen.indexOf("tcp 0.0.0.0:22"));
    }

    @Test
    void atEightyColumnsAFlaggedRowShowsItsPortAndProgramFirst() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.bus.publish(picture(true));
        rig.settle();
        assertThat(rig.screen()).contains("!IU  23 telnetd", "!E   443 curl");
    }

    @Test
    void tabEnterShowsTheFindingWithItsRecommendation() {
        ConsoleRig rig = new ConsoleRig(150, 40);
        rig.bus.publish(picture(true));
        rig.settle();
        rig.press(KeyType.Tab);
        assertThat(rig.screen()).contains("▶ Listening ports");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("[HIGH] insecure-port", "what to do: Move to SSH and close 23/tcp.",
                "process   telnetd (pid 11, user root)");
        rig.press(KeyType.Escape);
        rig.press(KeyType.Tab);
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("destination tcp 203.0.113.9:443", "what to do: Add a rule or stop curl.");
    }

    @Test
    void sortAndFilterKeys() {
        ConsoleRig rig = new ConsoleRig(150, 40);
        rig.bus.publish(picture(true));
        rig.settle();
        rig.press(KeyType.Tab);
        rig.type("f");
        assertThat(rig.screen()).contains("flagged first, flagged only").doesNotContain("tcp 0.0.0.0:22 ");
        rig.type("fo");
        String byPort = rig.screen();
        assertThat(byPort).contains("by port");
        assertThat(byPort.indexOf("tcp 0.0.0.0:22")).isLessThan(byPort.indexOf("tcp 0.0.0.0:23"));
    }

    @Test
    void aProgramNameWithEscapesIsWrittenOutInTheFindingsDetail() {
        ConsoleRig rig = new ConsoleRig(150, 40);
        String program = "cu\u001b[2Jrl";
        String key = "tcp 203.0.113.9:443 " + program;
        rig.bus.publish(new NetworkChanged(List.of(), List.of(new NetworkChanged.Destination(key, "tcp", "203.0.113.9",
                443, 20, program, "agent")), 0, List.of(new NetworkChanged.FindingView("unapproved-egress", "medium", key,
                program + " → tcp 203.0.113.9:443: matches no rule", "Add a rule, or stop " + program + ".")), true,
                true, List.of(), ConsoleRig.T0));
        rig.settle();
        rig.press(KeyType.Tab);
        rig.press(KeyType.Tab);
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("tcp 203.0.113.9:443 cu\\x1b[2Jrl", "what to do: Add a rule, or stop cu\\x1b[2Jrl.")
                .doesNotContain("\u001b", "could not draw");
    }

    @Test
    void aBrokenRuleFileIsNamedInItsPane() {
        ConsoleRig rig = new ConsoleRig(200, 40);
        NetworkChanged good = picture(true);
        rig.bus.publish(new NetworkChanged(good.listening(), good.outbound(), good.inbound(), good.findings(), true, true,
                List.of("/h/egress_allowlist.json: \"[0].cidr\" is not a network (using the last good rules)"),
                ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("egress_allowlist.json: \"[0].cidr\" is not a network");
    }

    @Test
    void withoutABaselineThePortsPaneOffersOne() {
        ConsoleRig rig = new ConsoleRig(150, 40);
        rig.bus.publish(picture(false));
        rig.settle();
        assertThat(rig.screen()).contains("No baseline yet: press b to review one");
    }
}
