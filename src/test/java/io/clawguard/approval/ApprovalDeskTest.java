package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditLog;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.EventBus;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.files.StateHome;
import io.clawguard.testing.MutableClock;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where admins' decisions land: no self-approval, the second factor, the two-person rule. */
class ApprovalDeskTest {
    private static final int AGENT = 1001;
    private static final ApprovalDesk.Admin ALICE = new ApprovalDesk.Admin(2001, "alice", false);
    private static final ApprovalDesk.Admin BOB = new ApprovalDesk.Admin(2002, "bob", false);

    @TempDir
    Path root;
    StateHome home;
    MutableClock clock;
    EventBus bus;
    PendingApprovals pending;
    final List<ApprovalProgress> progress = new ArrayList<>();

    @BeforeEach
    void setUp() {
        home = TestHomes.under(root);
        clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        bus = new EventBus();
        bus.subscribe(ApprovalProgress.class, progress::add);
        pending = new PendingApprovals(bus, clock, Duration.ofMinutes(5));
    }

    private ApprovalDesk desk(SecondFactor factor) {
        return new ApprovalDesk(pending, factor, new AuditTrail(new AuditLog(home.auditLog(), clock), bus, clock), bus,
                clock);
    }

    /** A request waiting on a thread of its own, as a requester's connection would. */
    private CompletableFuture<ApprovalDecision> waiting(String id, int approvalsNeeded) throws Exception {
        ApprovalRequest r = new ApprovalRequest(id, new CommandBinding(List.of("/usr/bin/id"), "/usr/bin/id", "/", null, 1001, "8:1", "8:2"),
                "why", false, false, false, false, new Requester(AGENT, 4242, "agent"), List.of(""), List.of(), false, "root",
                approvalsNeeded, ApprovalRequested.Code.NONE,
                clock.instant());
        CompletableFuture<ApprovalDecision> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return pending.approverFor(() -> false).decide(r);
            } catch (ApproverUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 200 && pending.find(id).isEmpty(); i++) {
            Thread.sleep(10);
        }
        return answer;
    }

    private String audit() throws Exception {
        return Files.readString(home.auditLog());
    }

    @Test
    void theRequestersOwnUidCannotDecideEvenWhenItIsAnAdmin() throws Exception {
        CompletableFuture<ApprovalDecision> answer = waiting("p-1", 1);
        ApprovalDesk desk = desk(SecondFactor.NONE);
        ApprovalDesk.Admin agentAsAdmin = new ApprovalDesk.Admin(AGENT, "agent", false);
        assertThat(desk.decide(agentAsAdmin, "p-1", ApprovalDecision.approved(true), null))
                .contains("refused", "your own");
        assertThat(desk.decide(agentAsAdmin, "p-1", ApprovalDecision.denied("self"), null)).contains("refused");
        assertThat(answer).isNotDone();
        assertThat(audit()).contains("\"self_approval_refused\"", "\"by_uid\":1001");
        assertThat(desk.decide(ALICE, "p-1", ApprovalDecision.approved(false), null)).isEqualTo("approved once: #1");
        ApprovalDecision d = answer.get(5, TimeUnit.SECONDS);
        assertThat(d.approved()).isTrue();
        assertThat(d.by()).containsExactly("alice (uid 2001)");
    }

    @Test
    void theKeyboardOfASameUserConsoleIsTheAdminsAndMayDecide() throws Exception {
        CompletableFuture<ApprovalDecision> answer = waiting("p-2", 1);
        ApprovalDesk.Admin keyboard = new ApprovalDesk.Admin(AGENT, "me", true);
        assertThat(desk(SecondFactor.NONE).decide(keyboard, "p-2", ApprovalDecision.approved(false), null))
                .startsWith("approved once");
        assertThat(answer.get(5, TimeUnit.SECONDS).approved()).isTrue();
    }

    @Test
    void aWrongSecondFactorIsAuditedAndTheRequestStaysPending() throws Exception {
        CompletableFuture<ApprovalDecision> answer = waiting("p-3", 1);
        ApprovalDesk desk = desk(SecondFactor.token(ApprovalToken.of("s3cret")));
        assertThat(desk.secondFactorRequired()).isTrue();
        assertThat(desk.decide(ALICE, "p-3", ApprovalDecision.approved(false), "guess")).contains("wrong second factor");
        assertThat(desk.decide(ALICE, "p-3", ApprovalDecision.approved(false), null)).contains("wrong second factor");
        assertThat(answer).isNotDone();
        assertThat(audit()).contains("\"approval_token_failed\"");
        assertThat(desk.decide(ALICE, "p-3", ApprovalDecision.denied("no"), null)).as("denying needs no factor")
                .startsWith("denied");
        assertThat(answer.get(5, TimeUnit.SECONDS).approved()).isFalse();
    }

    @Test
    void aTwoPersonRequestRunsOnlyAfterTwoDifferentAdminsAndIsNeverKept() throws Exception {
        CompletableFuture<ApprovalDecision> answer = waiting("p-4", 2);
        ApprovalDesk desk = desk(SecondFactor.NONE);
        assertThat(desk.decide(ALICE, "p-4", ApprovalDecision.approved(true), null))
                .isEqualTo("1 of 2 approvals for #4: another admin must approve");
        assertThat(progress).singleElement().satisfies(p -> assertThat(p.approvedBy()).containsExactly("alice (uid 2001)"));
        assertThat(desk.decide(ALICE, "p-4", ApprovalDecision.approved(true), null)).contains("already has your approval");
        assertThat(answer).isNotDone();
        assertThat(desk.decide(BOB, "p-4", ApprovalDecision.approved(true), null))
                .isEqualTo("approved once (two-person commands are never kept): #4");
        ApprovalDecision d = answer.get(5, TimeUnit.SECONDS);
        assertThat(d.approved()).isTrue();
        assertThat(d.keep()).isFalse();
        assertThat(d.by()).containsExactly("alice (uid 2001)", "bob (uid 2002)");
        assertThat(audit()).contains("\"approval_partial\"", "\"approvals_needed\":2");
    }

    @Test
    void anApprovalTheLogCouldNotRecordDoesNotCountTowardsTwo() throws Exception {
        CompletableFuture<ApprovalDecision> answer = waiting("p-6", 2);
        ApprovalDesk desk = desk(SecondFactor.NONE);
        Files.createDirectories(home.auditLog());
        assertThat(desk.decide(ALICE, "p-6", ApprovalDecision.approved(false), null))
                .startsWith("refused: the audit log cannot be written");
        Files.delete(home.auditLog());

        assertThat(desk.decide(BOB, "p-6", ApprovalDecision.approved(false), null))
                .isEqualTo("1 of 2 approvals for #6: another admin must approve");
        assertThat(answer).isNotDone();
    }

    @Test
    void aDenialByEitherAdminEndsATwoPersonRequest() throws Exception {
        CompletableFuture<ApprovalDecision> answer = waiting("p-5", 2);
        ApprovalDesk desk = desk(SecondFactor.NONE);
        desk.decide(ALICE, "p-5", ApprovalDecision.approved(false), null);
        assertThat(desk.decide(BOB, "p-5", ApprovalDecision.denied("not today"), null)).startsWith("denied");
        ApprovalDecision d = answer.get(5, TimeUnit.SECONDS);
        assertThat(d.approved()).isFalse();
        assertThat(d.reason()).isEqualTo("not today");
        assertThat(desk.decide(ALICE, "p-5", ApprovalDecision.approved(false), null)).contains("no longer pending");
    }
}
