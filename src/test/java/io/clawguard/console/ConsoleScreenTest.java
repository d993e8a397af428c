package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.approval.ApprovalDecision;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.Tick;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console on a virtual terminal: a request arrives, each key does what it says. */
class ConsoleScreenTest {
    private static final List<String> RESTART = List.of("/usr/bin/systemctl", "restart", "nginx");

    @Test
    void aRequestArrivesAndIsVisible() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("4242-abc-1", RESTART, "restart web");
        assertThat(rig.screen()).contains("Pending approvals (1)")
                .containsPattern(">----- +#1 +0:00 +/usr/bin/systemctl restart nginx +restart web");
    }

    @Test
    void aApprovesOnceTheSelectedRequest() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", List.of("/usr/bin/id"), "first");
        rig.request("1-x-2", RESTART, "second");
        rig.press(KeyType.ArrowDown);
        rig.type("a");
        assertThat(rig.actions.decisions).containsOnlyKeys("1-x-2");
        assertThat(rig.actions.decisions.get("1-x-2")).isEqualTo(ApprovalDecision.approved(false));
        assertThat(rig.row(23)).contains("approved once: #2");
    }

    @Test
    void capitalAApprovesAndKeeps() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", RESTART, "r");
        rig.type("A");
        assertThat(rig.actions.decisions.get("1-x-1")).isEqualTo(ApprovalDecision.approved(true));
    }

    @Test
    void dDeniesWithTheReasonTypedAndEscCancels() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", RESTART, "r");
        rig.type("d");
        assertThat(rig.screen()).contains("Reason for the denial");
        rig.press(KeyType.Escape);
        assertThat(rig.actions.decisions).isEmpty();
        assertThat(rig.row(23)).contains("denial cancelled");
        rig.type("dnot now, use the runbook");
        rig.press(KeyType.Enter);
        assertThat(rig.actions.decisions.get("1-x-1")).isEqualTo(ApprovalDecision.denied("not now, use the runbook"));
    }

    @Test
    void enterShowsTheWholeRequestAndEscClosesIt() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", List.of("/usr/bin/cp", "/etc/hosts", "/srv/backup/hosts with space"), "backup");
        rig.press(KeyType.Enter);
        String screen = rig.screen();
        assertThat(screen).contains("[0] /usr/bin/cp", "[1] /etc/hosts", "[2] /srv/backup/hosts with space",
                "cwd       /srv/app", "session   task-7", "requester uid 1001, pid 4242 (the kernel's word)", "asked by openclaw-agent", "reason    backup");
        rig.press(KeyType.Escape);
        assertThat(rig.screen()).doesNotContain("[0] /usr/bin/cp");
    }

    @Test
    void xDropsTheElevation() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.type("x");
        assertThat(rig.actions.drops).isEqualTo(1);
        assertThat(rig.row(23)).contains("elevation dropped");
    }

    @Test
    void questionMarkListsTheKeysInForce() {
        ConsoleRig rig = new ConsoleRig(140, 40);
        rig.type("?");
        String screen = rig.screen();
        assertThat(screen).contains("approve the selected request once", "keep it for this task session",
                "deny the selected request", "the whole request", "drop elevation now",
                "move between the approvals, ports, egress and scorecard panes", "quit (asks first", "the keys in force");
        rig.press(KeyType.Escape);
        assertThat(rig.screen()).doesNotContain("keep it for this task session");
    }

    @Test
    void qQuitsAtOnceWhenNothingIsPendingAndAsksOtherwise() {
        ConsoleRig idle = new ConsoleRig(80, 24);
        idle.type("q");
        assertThat(idle.actions.quit).isTrue();

        ConsoleRig busy = new ConsoleRig(80, 24);
        busy.request("1-x-1", RESTART, "r");
        busy.type("q");
        assertThat(busy.screen()).contains("1 pending request(s) will be denied");
        busy.type("n");
        busy.press(KeyType.Enter);
        assertThat(busy.actions.quit).isFalse();
        busy.type("qy");
        busy.press(KeyType.Enter);
        assertThat(busy.actions.quit).isTrue();
    }

    @Test
    void hiddenCharactersAreShownEscapedAndFlagged() {
        ConsoleRig rig = new ConsoleRig(160, 30);
        rig.request("1-x-1", List.of("/usr/bin/echo", "a\u001b[2Jb", "evil\u202etxt.sh", "rm\u200b-rf"), "innocent");
        assertThat(rig.screen()).contains(">!---").contains("a\\x1b[2Jb").contains("evil\\u202etxt.sh")
                .contains("rm\\u200b-rf").doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u200b");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("SUSPICIOUS", "[1] a\\x1b[2Jb  ◀", "[2] evil\\u202etxt.sh  ◀",
                "[3] rm\\u200b-rf  ◀").doesNotContain("[0] /usr/bin/echo  ◀");
    }

    @Test
    void invisibleJoinersAndLookAlikeLettersAreFlaggedAndWrittenOut() {
        ConsoleRig rig = new ConsoleRig(160, 30);
        rig.request("1-x-1", List.of("/usr/bin/c\u0430t", "/etc/vic\u034ftim\ufe0f", "\u2010\u2010interactive"), "r");
        assertThat(rig.screen()).contains(">!---").contains("/etc/vic\\u034ftim\\ufe0f").doesNotContain("\u034f",
                "\ufe0f");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("SUSPICIOUS", "[0] /usr/bin/c\u0430t  ◀", "[2] \u2010\u2010interactive  ◀");
    }

    @Test
    void aSecondFactorIsAskedMaskedAndAWrongOneKeepsTheRequestPending() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.actions.factor = "s3cret-token";
        rig.request("1-x-1", RESTART, "r");
        rig.type("a");
        rig.type("wrong");
        assertThat(rig.screen()).contains("*****").doesNotContain("wrong");
        rig.press(KeyType.Enter);
        assertThat(rig.actions.decisions).isEmpty();
        assertThat(rig.actions.tokenFailures).containsExactly("1-x-1");
        assertThat(rig.row(23)).contains("wrong second factor");
        rig.type("as3cret-token");
        rig.press(KeyType.Enter);
        assertThat(rig.actions.decisions.get("1-x-1")).isEqualTo(ApprovalDecision.approved(false));
        assertThat(rig.actions.factorsTyped).as("what was typed goes to the broker, which checks it")
                .containsExactly("wrong", "s3cret-token");
    }

    @Test
    void whenTheSelectedRequestIsWithdrawnNothingIsSelectedAndANothingIsApproved() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", List.of("/usr/bin/id"), "first");
        rig.request("1-x-2", RESTART, "read by the admin");
        rig.request("1-x-3", List.of("/usr/bin/cp", "/tmp/x", "/etc/cron.hourly/x"), "never read");
        rig.press(KeyType.ArrowDown);
        assertThat(rig.screen()).contains(">----- #2");
        rig.bus.publish(new ApprovalDecided("1-x-2", "denied", false, "the requester went away", ConsoleRig.T0));
        rig.bus.publish(new ApprovalDecided("1-x-1", "timed_out", false, "timed out", ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).doesNotContain(">-----").contains(" ----- #3");
        assertThat(rig.row(23)).contains("#2 left (denied: the requester went away); nothing is selected now");
        rig.type("a");
        rig.type("A");
        rig.type("d");
        assertThat(rig.actions.decisions).as("no key acts on a request the admin did not choose").isEmpty();
        assertThat(rig.row(23)).contains("no request selected");
        rig.request("1-x-4", List.of("/usr/bin/id"), "arrives after the loss");
        rig.type("a");
        assertThat(rig.actions.decisions).as("a new arrival is not selected for the admin either").isEmpty();
        rig.press(KeyType.ArrowDown);
        rig.type("a");
        assertThat(rig.actions.decisions).containsOnlyKeys("1-x-3");
    }

    @Test
    void approvingKeysActOnlyInThePendingPaneAndTheHintsShowExactlyTheKeysInForce() {
        ConsoleRig rig = new ConsoleRig(120, 30);
        rig.request("1-x-1", RESTART, "r");
        assertThat(rig.row(29)).contains("a approve", "A keep", "d deny", "Tab panes").doesNotContain("baseline");
        rig.press(KeyType.Tab);
        assertThat(rig.row(29)).contains("b baseline", "o sort").doesNotContain("approve", "deny");
        rig.type("aAd");
        assertThat(rig.actions.decisions).as("a, A and d do nothing outside the pending pane").isEmpty();
        rig.type("?");
        assertThat(rig.screen()).contains("Keys in the ports pane", "review the approved-ports baseline")
                .doesNotContain("approve the selected request");
    }

    @Test
    void anEventThatCannotBeShownChangesNothingElseAndNoTraceReachesTheScreen() {
        ConsoleRig rig = new ConsoleRig(120, 30);
        rig.request("1-x-1", RESTART, "still here");
        rig.bus.publish(new ApprovalProgress("1-x-1", List.of("alice"), 2, ConsoleRig.T0));
        // An elevation without a timeout cannot be counted down: drawing it fails.
        rig.bus.publish(new ElevationChanged(true, ConsoleRig.T0, null, List.of(), null, "broken", ConsoleRig.T0));
        rig.settle();
        String broken = rig.screen();
        assertThat(broken).contains("could not draw this screen").doesNotContain("Exception", "at io.clawguard");
        rig.bus.publish(new ElevationChanged(false, null, Duration.ofMinutes(30), List.of(), null, "ok", ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("still here").doesNotContain("could not draw");
        rig.type("a");
        assertThat(rig.actions.decisions).containsOnlyKeys("1-x-1");
    }

    @Test
    void aLongRequestLeadsWithItsSummaryAndItsFlaggedTail() {
        ConsoleRig rig = new ConsoleRig(120, 30);
        List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/cp"));
        for (int i = 0; i < 4500; i++) {
            argv.add("harmless-" + i);
        }
        argv.add("/etc/cron.hourly/\u202eevil");
        rig.request("1-x-1", argv, "copy many files");
        assertThat(rig.screen()).contains("[4502 args, 1 flagged] /usr/bin/cp harmless-0");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).as("the tail, 4,500 lines down the argv, is on the first screen")
                .contains("summary   4502 arguments", "1 flagged", "flagged   1 argument:",
                        "[4501] /etc/cron.hourly/\\u202eevil");
    }

    @Test
    void aNoticeAboutAnEarlierActionGoesWhenTheRequestsChange() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", RESTART, "r");
        rig.type("x");
        assertThat(rig.row(23)).contains("elevation dropped");
        rig.request("1-x-2", List.of("/usr/bin/id"), "another");
        assertThat(rig.row(23)).doesNotContain("elevation dropped").contains("a approve");
    }

    @Test
    void quittingAnAttachedConsoleLeavesRequestsPendingAndAsksNothing() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.actions.quitDenies = false;
        rig.request("1-x-1", RESTART, "r");
        rig.type("q");
        assertThat(rig.actions.quit).isTrue();
        assertThat(rig.actions.decisions).isEmpty();
    }

    @Test
    void aTwoPersonRequestShowsItsApprovalsAndWhoGaveThem() {
        ConsoleRig rig = new ConsoleRig(200, 40);
        ApprovalRequested r = new ApprovalRequested("1-x-1", RESTART, List.of("", "", ""), List.of(), false, RESTART.get(0), "/srv/app",
                null, "rotate keys", false, false, false, false, 1001, 4242, "openclaw-agent", "root", 2,
                ApprovalRequested.Code.NONE, ConsoleRig.T0.plus(Duration.ofMinutes(5)), ConsoleRig.T0);
        rig.bus.publish(r);
        rig.settle();
        assertThat(rig.screen()).contains("[0 of 2 approvals] rotate keys");
        rig.bus.publish(new ApprovalProgress("1-x-1", List.of("alice (uid 1001)"), 2, ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("[1 of 2 approvals (by alice (uid 1001))] rotate keys");
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("approvals 1 of 2 approvals (by alice (uid 1001))");
    }

    @Test
    void relativeArgumentsAreShownWrittenOutAgainstTheWorkingFolder() {
        ConsoleRig rig = new ConsoleRig(120, 30);
        rig.bus.publish(new ApprovalRequested("1-x-1", List.of("/usr/bin/touch", "zz"),
                List.of("", "/srv/app/zz"), List.of(1), true, "/usr/bin/touch", "/srv/app", null, "r", false, false, false, false, 1001,
                4242, "openclaw-agent", "postgres", 1, ApprovalRequested.Code.NONE,
                ConsoleRig.T0.plus(Duration.ofMinutes(5)), ConsoleRig.T0));
        rig.settle();
        rig.press(KeyType.Enter);
        assertThat(rig.screen()).contains("[1] zz   → /srv/app/zz", "runs as   postgres");
    }

    @Test
    void anUntrustedRequestNeedsAnExplicitYes() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", RESTART, "from a web page", true, true);
        rig.request("1-x-2", RESTART, "from a web page", true, true);
        assertThat(rig.screen()).contains(">-U--");
        rig.type("a");
        assertThat(rig.screen()).contains("untrusted content");
        rig.type("no");
        rig.press(KeyType.Enter);
        assertThat(rig.actions.decisions.get("1-x-1").outcome()).isEqualTo(ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED);
        rig.press(KeyType.ArrowDown);
        rig.type("ayes");
        rig.press(KeyType.Enter);
        assertThat(rig.actions.decisions.get("1-x-2")).isEqualTo(ApprovalDecision.approved(false));
    }

    @Test
    void aResizedTerminalIsLaidOutAgain() {
        ConsoleRig rig = new ConsoleRig(80, 24);
        rig.request("1-x-1", RESTART, "r");
        rig.terminal.setTerminalSize(new com.googlecode.lanterna.TerminalSize(200, 60));
        rig.settle();
        rig.settle();
        String screen = rig.screen();
        assertThat(screen.lines()).hasSize(60);
        assertThat(rig.row(59)).contains("a approve");
        assertThat(screen).contains("Compliance scorecard").contains("/usr/bin/systemctl restart nginx");
        assertThat(rig.row(0)).contains("same-user install: stops mistakes, not a hostile agent");
    }

    @Test
    void theTitleCountsTheIdleTimeDownAndADecisionClearsTheRow() {
        ConsoleRig rig = new ConsoleRig(120, 24);
        rig.bus.publish(new ElevationChanged(true, ConsoleRig.T0, Duration.ofMinutes(30), List.of(RESTART), "task-7",
                "approved-command", ConsoleRig.T0));
        rig.bus.publish(new Tick(ConsoleRig.T0.plusSeconds(61)));
        rig.settle();
        assertThat(rig.row(0)).contains("ELEVATED 28:59").contains("12:01:01Z");
        rig.request("1-x-1", RESTART, "r");
        rig.bus.publish(new ApprovalDecided("1-x-1", "timed_out", false, "timed out", ConsoleRig.T0));
        rig.bus.publish(new AuditRecorded(Map.of("ts_utc", "2026-11-24T12:01:02Z", "action", "approval_decision",
                "argv", RESTART, "approved", false, "outcome", "timed_out"), ConsoleRig.T0));
        rig.settle();
        assertThat(rig.screen()).contains("Pending approvals (0)")
                .contains("12:01:02 ✗ approval_decision").contains("outcome=timed_out");
    }
}
