package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.HostsChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A console over many hosts: a host column, the shown host in the title bar, h for the next, fresh panes per host. */
class FleetScreenTest {
    private static HostsChanged hosts(String shown, long view, boolean betaUp) {
        return new HostsChanged(List.of(new HostsChanged.HostView("alpha", true, null),
                new HostsChanged.HostView("beta", betaUp, betaUp ? null : "the link dropped")), shown, view, ConsoleRig.T0);
    }

    @Test
    void requestsOfEveryHostShowWithTheirHostAndTheDetailSaysWhereTheDecisionGoes() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(hosts("alpha", 1, true));
        rig.bus.publish(rig.request("alpha/1a-2b-1", List.of("/usr/bin/id"), "on alpha"));
        rig.bus.publish(rig.request("beta/9z-2b-1", List.of("/usr/bin/uptime"), "on beta"));
        rig.settle();
        String screen = rig.screen();
        assertThat(rig.row(0)).contains("alpha (h: 2 of 2 up)");
        assertThat(screen).contains(" host ");
        assertThat(screen.lines().filter(l -> l.contains("/usr/bin/id")).findFirst().orElseThrow()).contains("alpha ");
        assertThat(screen.lines().filter(l -> l.contains("/usr/bin/uptime")).findFirst().orElseThrow()).contains("beta ");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("host      alpha  (the decision goes to this host's broker)");
    }

    @Test
    void hShowsTheNextHostAndAFreshViewEmptiesThePanesOfTheOneBefore() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(hosts("alpha", 1, true));
        rig.bus.publish(new AuditRecorded(Map.of("action", "broker_started", "ts_utc", "2026-11-24T12:00:00Z", "seq", 1L),
                ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("broker_started");
        assertThat(rig.screen()).contains("h host");
        rig.type("h");
        assertThat(rig.actions.hostsShown).isEqualTo(1);
        rig.bus.publish(hosts("beta", 2, false));
        rig.settle();
        assertThat(rig.row(0)).contains("beta (h: 1 of 2 up; beta DISCONNECTED)");
        assertThat(rig.screen()).doesNotContain("broker_started");
    }

    @Test
    void aConsoleOnOneBrokerHasNoHostColumnAndNoHostKey() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(rig.request("1a-2b-1", List.of("/usr/bin/id"), "here"));
        rig.settle();
        assertThat(rig.screen()).doesNotContain(" host ").doesNotContain("h host");
    }
}
