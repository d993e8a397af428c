package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.BrokerClient;
import io.clawguard.approval.ExecEnvironment;
import io.clawguard.approval.ExecOutcome;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.approval.WireRequest;
import io.clawguard.audit.AuditVerifier;
import io.clawguard.files.StateHome;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker socket in a temp folder, asked by real {@code clawguard exec} processes. */
class BrokerIntegrationTest {
    @TempDir
    Path root;
    StateHome home;
    Path cwd;
    RunningBroker broker;

    @BeforeEach
    void setUp() throws Exception {
        home = TestHomes.under(root);
        cwd = Files.createDirectories(root.resolve("work"));
        broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.close();
        var verification = AuditVerifier.verify(home.auditLog());
        assertThat(verification.intact()).as("audit chain: line %d: %s", verification.firstBadLine(),
                verification.problem()).isTrue();
    }

    private Process exec(String... argv) throws Exception {
        List<String> args = new ArrayList<>(List.of("exec", "--home", home.dir().toString(), "--reason", "integration"));
        args.addAll(List.of(argv));
        return CliProcess.start(cwd, Map.of(), args.toArray(String[]::new));
    }

    static PendingApprovals.Pending awaitPending(PendingApprovals pending, int count) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<PendingApprovals.Pending> now = pending.snapshot();
            if (now.size() >= count) {
                return now.get(now.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("expected " + count + " pending requests, have " + pending.snapshot().size());
    }

    @Test
    void approveOnceRunsTheCommandOnceAndTheNextRunAsksAgain() throws Exception {
        Path marker = root.resolve("ran");
        Process p = exec("--", "/usr/bin/touch", marker.toString());
        PendingApprovals.Pending pending = awaitPending(broker.pending, 1);
        assertThat(pending.request().binding().argv()).containsExactly("/usr/bin/touch", marker.toString());
        assertThat(pending.request().requester().pid()).as("pid from SO_PEERCRED").isEqualTo(p.pid());
        assertThat(pending.request().binding().cwd()).as("cwd from /proc").isEqualTo(cwd.toString());
        assertThat(broker.pending.resolve(pending.request().id(), ApprovalDecision.approved(false))).isTrue();
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(marker).exists();

        Process again = exec("--", "/usr/bin/touch", marker.toString());
        PendingApprovals.Pending second = awaitPending(broker.pending, 1);
        broker.pending.resolve(second.request().id(), ApprovalDecision.denied("once was enough"));
        CliProcess.Result denied = CliProcess.collect(again, "exec");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).contains("once was enough");
    }

    @Test
    void approveAndKeepThenTheSameArgvRunsWithoutAsking() throws Exception {
        Process p = exec("--keep-session", "--", "/usr/bin/id", "-u");
        PendingApprovals.Pending pending = awaitPending(broker.pending, 1);
        broker.pending.resolve(pending.request().id(), ApprovalDecision.approved(true));
        assertThat(CliProcess.collect(p, "exec").exitCode()).isZero();

        CliProcess.Result again = CliProcess.collect(exec("--keep-session", "--", "/usr/bin/id", "-u"), "exec");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout().strip()).matches("\\d+");
        assertThat(Files.readString(home.auditLog())).contains("\"authorised_by\":\"session\"");
    }

    @Test
    void denyReturnsExitOneWithTheReason() throws Exception {
        Process p = exec("--", "/usr/bin/id");
        PendingApprovals.Pending pending = awaitPending(broker.pending, 1);
        broker.pending.resolve(pending.request().id(), ApprovalDecision.denied("not during business hours"));
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("denied: not during business hours");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void aPendingRequestTimesOutToADenialThatLeavesNoAllowListEntry() throws Exception {
        broker.close();
        broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMillis(300));
        CliProcess.Result r = CliProcess.collect(exec("--keep-session", "--", "/usr/bin/id"), "exec");
        assertThat(r.exitCode()).isEqualTo(11);
        assertThat(r.stderr()).contains("timed out");
        assertThat(new io.clawguard.elevation.ElevationStore(home.elevationState()).read().allowedCommands()).isEmpty();
        assertThat(Files.readString(home.auditLog())).contains("\"outcome\":\"timed_out\"")
                .doesNotContain("approval_granted");
    }

    @Test
    void twoHundredConcurrentRequestsEachGetExactlyTheirOwnDecision() throws Exception {
        int n = 200;
        ExecutorService clients = Executors.newFixedThreadPool(n);
        Map<String, List<String>> ranBy = new ConcurrentHashMap<>();
        try {
            List<Future<ExecOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String tag = "req-" + i;
                outcomes.add(clients.submit(() -> {
                    try (BrokerClient c = BrokerClient.connect(home.brokerSocket()).orElseThrow()) {
                        return c.execute(WireRequest.encode(List.of("/usr/bin/echo", tag), "load", cwd, false, false,
                                null, ExecEnvironment.from(Map.of())), (argv, dir) -> {
                                    ranBy.put(tag, argv);
                                    return 0;
                                }, cwd);
                    }
                }));
            }
            awaitPending(broker.pending, n);
            Map<String, Boolean> approvedTag = new ConcurrentHashMap<>();
            for (PendingApprovals.Pending p : broker.pending.snapshot()) {
                String tag = p.request().binding().argv().get(1);
                boolean approve = Integer.parseInt(tag.substring(4)) % 3 != 0;
                approvedTag.put(tag, approve);
                assertThat(broker.pending.resolve(p.request().id(),
                        approve ? ApprovalDecision.approved(false) : ApprovalDecision.denied("no " + tag))).isTrue();
                assertThat(broker.pending.resolve(p.request().id(), ApprovalDecision.approved(false)))
                        .as("a second decision for the same request is refused").isFalse();
            }
            for (int i = 0; i < n; i++) {
                String tag = "req-" + i;
                ExecOutcome o = outcomes.get(i).get();
                if (approvedTag.get(tag)) {
                    assertThat(o.exitCode()).isZero();
                    assertThat(ranBy.get(tag)).containsExactly("/usr/bin/echo", tag);
                } else {
                    assertThat(o.exitCode()).isEqualTo(1);
                    assertThat(o.message()).isEqualTo("denied: no " + tag);
                    assertThat(ranBy).doesNotContainKey(tag);
                }
            }
            assertThat(approvedTag).hasSize(n);
        } finally {
            clients.shutdownNow();
        }
    }
}
