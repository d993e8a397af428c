package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineReview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's baseline review (b) on the virtual terminal: keep, drop, comment, save, abandon. */
class BaselineWindowTest {
    private static BaselineItem item(int port, String process, boolean inUse) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("port", (long) port);
        rule.put("protocol", "tcp");
        rule.put("command", process);
        return new BaselineItem("port=" + port + " protocol=tcp command=" + process,
                process + " (pid 7, root) on 0.0.0.0:" + port, rule, true, null, inUse);
    }

    private static ConsoleRig rigWithProposal() {
        ConsoleRig rig = new ConsoleRig(100, 30);
        rig.actions.review = new BaselineReview(BaselineKind.PORTS,
                List.of(item(22, "sshd", true), item(23, "telnetd", true), item(8080, "java", false)));
        return rig;
    }

    @Test
    void showsEachRuleWithWhereItCameFrom() {
        ConsoleRig rig = rigWithProposal();
        rig.press(KeyType.Tab);
        rig.type("b");
        String screen = rig.screen();
        assertThat(screen).contains("Baseline review │ 3 of 3 rules kept", "[keep] port=22 protocol=tcp command=sshd",
                "from sshd (pid 7, root) on 0.0.0.0:22", "(nothing uses this rule now)", "space keep/drop", "s save",
                "Esc abandon");
    }

    @Test
    void keepDropCommentAndSaveWriteExactlyWhatWasKept() {
        ConsoleRig rig = rigWithProposal();
        rig.press(KeyType.Tab);
        rig.type("b");
        rig.press(KeyType.ArrowDown);
        rig.type(" ");
        assertThat(rig.screen()).contains("[drop] port=23", "2 of 3 rules kept");
        rig.press(KeyType.ArrowUp);
        rig.type("c");
        rig.type("admin access");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("[keep] port=22 protocol=tcp command=sshd   # admin access");
        rig.type("s");
        assertThat(rig.actions.saved.items()).extracting(BaselineItem::keep).containsExactly(true, false, true);
        assertThat(rig.actions.saved.items().get(0).json()).containsEntry("comment", "admin access");
        assertThat(rig.row(29)).contains("baseline saved: 2 rules");
        assertThat(rig.screen()).contains("Pending approvals");
    }

    @Test
    void escAbandonsWithoutSaving() {
        ConsoleRig rig = rigWithProposal();
        rig.press(KeyType.Tab);
        rig.type("b ");
        rig.press(KeyType.Escape);
        assertThat(rig.actions.saved).isNull();
        assertThat(rig.row(29)).contains("abandoned; nothing written");
    }

    /**
     * ATTACK: a rule's origin names the process as it calls itself (an agent picks its own
     * name), and over many hosts the whole review comes from another machine: a control
     * character in it must be shown escaped, not stop the window.
     */
    @Test
    void aProcessNamedWithControlCharactersIsShownEscaped() {
        ConsoleRig rig = new ConsoleRig(100, 30);
        rig.actions.review = new BaselineReview(BaselineKind.PORTS,
                List.of(item(22, "sshd", true), item(4444, "evil\u001b]0;owned\u0007", true)));
        rig.press(KeyType.Tab);
        rig.type("b");
        assertThat(rig.screen()).doesNotContain("\u001b", "\u0007").doesNotContain("could not draw")
                .contains("[keep] port=22 protocol=tcp command=sshd", "from evil\\x1b]0;owned\\x07");
    }
}
