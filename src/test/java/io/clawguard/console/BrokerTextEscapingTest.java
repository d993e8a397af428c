package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.ApprovalRequested;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text an attached console receives from a broker, which it cannot vouch for, reaches the
 * screen escaped: a clear-screen or title-setting sequence must show as text, not act.
 */
class BrokerTextEscapingTest {
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final String ATTACK = "ok\u001b[2J\u001b]0;pwned\u0007\r";

    private static void assertNoControls(String shown) {
        assertThat(shown.chars().filter(c -> c < 0x20 || c == 0x7f)).as(shown).isEmpty();
        assertThat(shown).contains("\\x1b");
    }

    @Test
    void anActionNameInAnAuditRecord() {
        assertNoControls(ActivityLine.of(Map.of("action", ATTACK), T).action());
    }

    @Test
    void aStatusBarNotice() {
        ConsoleModel model = new ConsoleModel(T);
        model.notice("the broker did not answer: " + ATTACK);
        assertNoControls(model.notice().orElseThrow());
    }

    @Test
    void theNamesOfAdminsWhoApprovedSoFar() {
        ApprovalRequested r = new ApprovalRequested("1-a-2", List.of("/usr/bin/id"), List.of(""), List.of(), false, "/usr/bin/id", "/w",
                "s", "why", false, false, false, false, 1000, 42, "agent", "root", 2, ApprovalRequested.Code.NONE, T.plusSeconds(60), T);
        assertNoControls(PendingRow.of(r).approvedBy(List.of("alice " + ATTACK)).approvals());
    }
}
