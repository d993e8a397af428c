package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.ForwardingChanged;
import org.junit.jupiter.api.Test;

/** The title bar says how sending to the syslog collector goes, in words, from the broker's events. */
class ForwardingTitleTest {
    private static ForwardingChanged state(String state, long queued) {
        return new ForwardingChanged("tls://siem.example:6514", state, queued, state.equals(ForwardingChanged.FAILING)
                ? "Connection refused" : null, ConsoleRig.T0);
    }

    @Test
    void nothingIsSaidWhenTheBrokerForwardsNothing() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.settle();
        assertThat(rig.row(0)).doesNotContain("syslog");
    }

    @Test
    void okQueuedAndFailingEachShowAsTheyCome() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(state(ForwardingChanged.OK, 0));
        rig.settle();
        assertThat(rig.row(0)).contains(" syslog ok ");
        rig.bus.publish(state(ForwardingChanged.QUEUED, 2_400));
        rig.settle();
        assertThat(rig.row(0)).contains(" syslog queued 2400 ").doesNotContain("syslog ok");
        rig.bus.publish(state(ForwardingChanged.FAILING, 40));
        rig.settle();
        assertThat(rig.row(0)).contains(" syslog FAILING (40 queued) ");
    }

    @Test
    void onANarrowTerminalTheStateMakesRoomRatherThanBreakingTheLine() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.bus.publish(state(ForwardingChanged.FAILING, 123_456));
        rig.settle();
        assertThat(rig.row(0)).hasSize(80).contains("ClawGuard");
    }
}
