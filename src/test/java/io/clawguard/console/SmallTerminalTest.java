package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Below 80×24 the console says so in one line and takes no decision key until it is resized. */
class SmallTerminalTest {
    @Test
    void aSmallTerminalShowsOneLineAndApprovesNothingUntilResized() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.bus.publish(rig.request("1a-2b-1", List.of("/usr/bin/id"), "small"));
        rig.settle();
        rig.terminal.setTerminalSize(new TerminalSize(70, 20));
        rig.settle();
        assertThat(rig.row(0)).contains("ClawGuard needs 80×24; this terminal is 70×20: enlarge it");
        assertThat(rig.screen().lines().skip(1)).allMatch(String::isBlank);
        rig.type("a");
        assertThat(rig.actions.decisions).as("no approval while nothing can be read").isEmpty();
        rig.terminal.setTerminalSize(new TerminalSize(80, 24));
        rig.settle();
        assertThat(rig.screen()).contains("/usr/bin/id").doesNotContain("enlarge it");
        rig.type("a");
        assertThat(rig.actions.decisions).containsKey("1a-2b-1");
    }
}
