package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.bus.ScorecardChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorecard pane on the virtual terminal: an event changes it; Enter shows a check. */
class ScorecardPaneTest {
    private static ScorecardChanged card(int score, String status) {
        return new ScorecardChanged(score, "2 of 2 checks assessed (100 % of the weight)", 100, score >= 90 ? "good" : "poor",
                Map.of("violation", status.equals("violation") ? 1L : 0L, "partial", 0L, "compliant", 1L, "not_assessed", 0L),
                Map.of("high", 1L, "low", 1L),
                List.of(new ScorecardChanged.CheckView("gateway_loopback_only", "Gateway bound to loopback", status, "high",
                                "loopback with token", "bound to lan", "openclaw.json: gateway.bind = lan", "reachable",
                                "Set gateway.bind to loopback", List.of("ISO 27001 A.8.20 Networks security")),
                        new ScorecardChanged.CheckView("update_hygiene", "Update hygiene", "compliant", "low", "known",
                                "recorded", "meta", "", "", List.of())),
                ConsoleRig.T0);
    }

    @Test
    void anEventChangesThePaneAndEnterShowsTheCheck() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(card(100, "compliant"));
        rig.settle();
        assertThat(rig.screen()).contains("Compliance 100/100 good, 100 % covered", "OK   high gateway_loopback_only",
                "2 of 2 checks assessed (100 % of the weight)");
        rig.bus.publish(card(40, "violation"));
        rig.settle();
        assertThat(rig.screen()).contains("Compliance 40/100 poor", "FAIL high gateway_loopback_only", "1 fail  0 err",
                "0 unknown  0 n/a");
        rig.press(KeyType.Tab);
        rig.press(KeyType.Tab);
        rig.press(KeyType.Tab);
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("Gateway bound to loopback — VIOLATION (high risk)",
                "what to do Set gateway.bind to loopback", "ISO 27001 A.8.20 Networks security");
    }

    @Test
    void aBrokenAuditChainRaisesAnAlarmInTheTitleBarWhateverPaneHasFocus() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(card(100, "compliant"));
        rig.settle();
        assertThat(rig.row(0)).doesNotContain("AUDIT CHAIN BROKEN");
        rig.bus.publish(new ScorecardChanged(60, "1 of 1 checks assessed (100 % of the weight)", 100, "poor", Map.of("violation", 1L), Map.of("high", 1L),
                List.of(new ScorecardChanged.CheckView(ConsoleModel.AUDIT_CHECK, "Privileged actions audited", "violation",
                        "high", "intact", "the audit chain is broken", "privileged-audit.jsonl line 3: line edited",
                        "", "", List.of())), ConsoleRig.T0));
        rig.settle();
        assertThat(rig.row(0)).contains("AUDIT CHAIN BROKEN: privileged requests refused");
    }

    @Test
    void aThinlyCoveredHostShowsItsCoverageAndNoGrade() {
        ConsoleRig rig = new ConsoleRig(160, 44);
        rig.bus.publish(new ScorecardChanged(100, "1 of 21 checks assessed (1 % of the weight)", 1,
                "insufficient evidence", Map.of("compliant", 1L, "not_assessed", 20L, "not_applicable", 2L),
                Map.of("low", 1L, "high", 20L), List.of(new ScorecardChanged.CheckView("sshd_root_login_disabled",
                        "SSH root login disabled", "not_assessed", "high", "no", "sshd -T is not installed", "sshd -T",
                        "cannot be judged", "Install it", List.of()),
                        new ScorecardChanged.CheckView("group_tool_exposure", "No open group reaches tools",
                                "not_applicable", "high", "none", "no channels configured", "openclaw.json", "", "",
                                List.of())), ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("Compliance: insufficient evidence, 1 % covered",
                "1 of 21 checks assessed", "?? ", "N/A  high group_tool_exposure").doesNotContain("100/100 good");
    }

    @Test
    void aNarrowPaneStillSaysThereIsNoGradeAndHowMuchIsCovered() {
        ConsoleRig rig = new ConsoleRig(110, 32);
        rig.bus.publish(new ScorecardChanged(100, "20 of 33 checks assessed (57 % of the weight)", 57,
                "insufficient evidence", Map.of("compliant", 20L, "not_assessed", 13L), Map.of("high", 33L), List.of(),
                ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("No grade: 57 % covered", "57 % of the weight assessed")
                .doesNotContain("100/100");
    }
}
