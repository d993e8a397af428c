package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditSegments;
import io.clawguard.audit.AuditVerifier;
import io.clawguard.bus.EventBus;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.CommandValidator;
import io.clawguard.testing.MutableClock;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedExecutionTest {
    private static final List<String> ID = List.of("/usr/bin/id", "-u");

    @TempDir
    Path root;
    StateHome home;
    Path cwd;
    MutableClock clock;
    ScriptedApprover approver;
    final List<List<String>> ran = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        home = TestHomes.under(root);
        cwd = Files.createDirectories(root.resolve("work"));
        clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        approver = new ScriptedApprover();
    }

    @AfterEach
    void auditChainStaysIntact() throws Exception {
        assertThat(AuditVerifier.verify(home.auditLog()).intact()).isTrue();
    }

    private ExecOutcome exec(List<String> argv) {
        return exec(argv, false, null, cwd);
    }

    private ExecOutcome exec(List<String> argv, boolean keep, Duration timeout, Path dir) {
        return guarded(run -> {
            ran.add(run.runArgv());
            return 7;
        }).execute(request(argv, false, keep, timeout, dir));
    }

    private GuardedExecution guarded(CommandRunner runner) {
        return guarded(runner, ProcessIdentity.uid());
    }

    /** {@code brokerUid} other than 0 is a same-user broker, which runs through sudo when asked. */
    private GuardedExecution guarded(CommandRunner runner, int brokerUid) {
        ElevationGate gate = new ElevationGate(new ElevationGate.Dependencies(home, CommandValidator.onThisHost(), clock,
                new EventBus(), brokerUid, new io.clawguard.audit.AuditLog(home.auditLog(), clock),
                (file, requester, groups, max) -> Files.readAllBytes(file)));
        return new GuardedExecution(gate, config -> approver, runner);
    }

    private ExecRequest request(List<String> argv, boolean sudo, boolean keep, Duration timeout, Path dir) {
        try {
            return new ExecRequest(argv, "restart the web server", sudo, keep, timeout, dir,
                    io.clawguard.files.FileIdentity.of(dir), dir, ExecEnvironment.from(env), Map.of("TERM", "xterm"),
                    new Requester(ProcessIdentity.uid(), 4242, "agent"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String audit() throws Exception {
        return Files.exists(home.auditLog()) ? Files.readString(home.auditLog()) : "";
    }

    @Test
    void approvedOnceRunsOnceThenDropsAndAsksAgain() throws Exception {
        approver.answer(ApprovalDecision.approved(false)).answer(ApprovalDecision.denied("not twice"));
        assertThat(exec(ID)).isEqualTo(ExecOutcome.ran(7));
        assertThat(ran).containsExactly(ID);
        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isFalse();

        ExecOutcome second = exec(ID);
        assertThat(second.exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(second.message()).contains("not twice");
        assertThat(approver.asked).hasSize(2);
        assertThat(ran).hasSize(1);
        assertThat(audit()).contains("\"approval_requested\"", "\"approval_granted\"", "\"exec_start\"",
                "\"exec_finish\"", "\"returncode\":7", "\"drop_elevation\"", "\"approval_denied\"");
    }

    @Test
    void anAuditLogCutShortRefusesTheNextCommandBeforeAnyoneIsAsked() throws Exception {
        approver.answer(ApprovalDecision.approved(false)).answer(ApprovalDecision.approved(false));
        exec(ID);
        List<String> lines = Files.readAllLines(home.auditLog());
        Files.write(home.auditLog(), lines.subList(0, lines.size() - 2));

        ExecOutcome o = exec(ID);

        assertThat(o.exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(o.message()).contains("records at the end were deleted", "privileged work is refused");
        assertThat(ran).hasSize(1);
        assertThat(approver.asked).hasSize(1);
        assertThat(Files.readAllLines(AuditSegments.file(home.auditLog(), 1))).as("the cut log set aside as it was")
                .hasSize(lines.size() - 2);
        assertThat(Files.readAllLines(home.auditLog()).get(0)).contains("\"action\":\"audit_chain_broken\"");
        assertThat(AuditVerifier.verify(home.auditLog()).intact()).isFalse();
        // The admin's way out: the broken series kept aside as evidence, a new log begins.
        Path evidence = Files.createDirectories(root.resolve("evidence"));
        try (var series = Files.list(home.auditLog().getParent())) {
            for (Path f : series.filter(f -> f.getFileName().toString().startsWith("privileged-audit.jsonl")).toList()) {
                Files.move(f, evidence.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void anArgumentSwappedForASymlinkWhileTheAdminReadsIsRefusedAfterTheApproval() throws Exception {
        Files.writeString(cwd.resolve("notes.txt"), "the agent's own notes");
        Path secret = Files.writeString(root.resolve("shadow"), "secret");
        approver.answer(ApprovalDecision.approved(false)).whileAsked(() -> {
            try {
                Files.delete(cwd.resolve("notes.txt"));
                Files.createSymbolicLink(cwd.resolve("notes.txt"), secret);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        ExecOutcome o = exec(List.of("/usr/bin/cat", "notes.txt"));

        assertThat(approver.asked.get(0).argvResolved().get(1)).as("what the admin read")
                .isEqualTo(cwd.toRealPath().resolve("notes.txt").toString());
        assertThat(approver.asked.get(0).argvChangeable()).as("marked: the requester (root here) can swap it")
                .containsExactly(1);
        assertThat(approver.asked.get(0).folderChangeable()).isTrue();
        assertThat(o.exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(o.message()).contains("argument 1 (notes.txt)", secret.toRealPath().toString());
        assertThat(ran).isEmpty();
        assertThat(audit()).contains("\"action\":\"argument_changed\"");
    }

    @Test
    void theAdminsRequirementsHoldForAnAgentThatUnsetsItsOwnVariables() throws Exception {
        TestHomes.write(home.config(), "{\"require_session_id\": true, \"require_policy_files\": true}");
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.SESSION_ID_MISSING);
        env.put("OPENCLAW_TASK_SESSION_ID", "task-9");
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.POLICY_FILES_MISSING);
        assertThat(approver.asked).isEmpty();
        assertThat(ran).isEmpty();
    }

    @Test
    void anUntrustedSourceTheAdminDeclaredCannotRideAKeptSession() throws Exception {
        approver.answer(ApprovalDecision.approved(true)).answer(ApprovalDecision.denied("asked again"));
        exec(ID, true, null, cwd);
        TestHomes.write(home.config(), "{\"untrusted_source\": true}");

        ExecOutcome o = exec(ID, true, null, cwd);

        assertThat(o.exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(approver.asked).hasSize(2);
        assertThat(approver.asked.get(1).untrusted()).isTrue();
        assertThat(ran).hasSize(1);
    }

    @Test
    void keptApprovalRunsTheSameBindingWithoutAskingAndNothingElse() throws Exception {
        approver.answer(ApprovalDecision.approved(true))
                .answer(ApprovalDecision.denied("other argv"))
                .answer(ApprovalDecision.denied("other folder"))
                .answer(ApprovalDecision.denied("other session"));
        exec(ID, true, null, cwd);
        exec(ID, true, null, cwd);
        assertThat(ran).hasSize(2);
        assertThat(approver.asked).hasSize(1);
        assertThat(audit()).contains("\"authorised_by\":\"session\"");

        assertThat(exec(List.of("/usr/bin/id", "-g"), true, null, cwd).exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(exec(ID, true, null, root).exitCode()).isEqualTo(ExitCode.DENIED);
        env.put("OPENCLAW_TASK_SESSION_ID", "another-task");
        assertThat(exec(ID, true, null, cwd).exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(approver.asked).hasSize(4);
        assertThat(ran).hasSize(2);
    }

    @Test
    void anAllowListedRunWithoutKeepDropsTheSession() throws Exception {
        approver.answer(ApprovalDecision.approved(true)).answer(ApprovalDecision.denied("dropped"));
        exec(ID, true, null, cwd);
        exec(ID, false, null, cwd);
        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isFalse();
        assertThat(exec(ID, true, null, cwd).exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(ran).hasSize(2);
    }

    @Test
    void thirtyIdleMinutesExpireTheSession() throws Exception {
        approver.answer(ApprovalDecision.approved(true)).answer(ApprovalDecision.approved(false));
        exec(ID, true, null, cwd);
        clock.advance(Duration.ofMinutes(29));
        exec(ID, true, null, cwd);
        assertThat(approver.asked).hasSize(1);
        clock.advance(Duration.ofMinutes(30));
        exec(ID, true, null, cwd);
        assertThat(approver.asked).hasSize(2);
        assertThat(audit()).contains("\"elevation_expired\"");
    }

    @Test
    void aShorterRequestedTimeoutAppliesButALongerOneDoesNot() throws Exception {
        approver.answer(ApprovalDecision.approved(true)).answer(ApprovalDecision.approved(true))
                .answer(ApprovalDecision.approved(true));
        exec(ID, true, Duration.ofMinutes(5), cwd);
        clock.advance(Duration.ofMinutes(6));
        exec(ID, true, Duration.ofMinutes(5), cwd);
        assertThat(approver.asked).hasSize(2);
        clock.advance(Duration.ofMinutes(31));
        exec(ID, true, Duration.ofMinutes(600), cwd);
        assertThat(approver.asked).hasSize(3);
    }

    @Test
    void idleTimeoutComesFromTheAdminsConfig() throws Exception {
        TestHomes.write(home.config(), "{\"idle_timeout_minutes\": 60}");
        approver.answer(ApprovalDecision.approved(true));
        exec(ID, true, null, cwd);
        clock.advance(Duration.ofMinutes(45));
        exec(ID, true, null, cwd);
        assertThat(approver.asked).hasSize(1);
    }

    @Test
    void policyBlockIsAnsweredWithoutAskingAnyone() throws Exception {
        TestHomes.write(home.commandPolicy(), "{\"deny\": [\"^/usr/bin/id\\\\b\"]}");
        ExecOutcome o = exec(ID);
        assertThat(o.exitCode()).isEqualTo(ExitCode.POLICY_BLOCKED);
        assertThat(o.message()).contains("deny rule");
        assertThat(approver.asked).isEmpty();
        assertThat(audit()).contains("\"policy_block\"", "\"deny_match\"");
    }

    @Test
    void brokenPolicyFileRefusesNamingTheFile() throws Exception {
        TestHomes.write(home.commandPolicy(), "{\"deny\": [\"(\"]}");
        ExecOutcome o = exec(ID);
        assertThat(o.exitCode()).isEqualTo(ExitCode.POLICY_FILES_MISSING);
        assertThat(o.message()).contains(home.commandPolicy().toString(), "\"deny[0]\" is not a valid regex");
        assertThat(approver.asked).isEmpty();
        assertThat(ran).isEmpty();
    }

    @Test
    void brokenConfigRefuses() {
        TestHomes.write(home.config(), "{\"tty_fallback\": maybe}");
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.POLICY_FILES_MISSING);
        assertThat(ran).isEmpty();
    }

    @Test
    void requiredPolicyFilesMissing() throws Exception {
        env.put("OPENCLAW_REQUIRE_POLICY_FILES", "1");
        ExecOutcome o = exec(ID);
        assertThat(o.exitCode()).isEqualTo(ExitCode.POLICY_FILES_MISSING);
        assertThat(o.message()).contains("command-policy.json", "approved_ports.json", "egress_allowlist.json");
        assertThat(audit()).contains("\"policy_files_missing\"");
        TestHomes.write(home.commandPolicy(), "{}");
        TestHomes.write(home.approvedPorts(), "[]");
        TestHomes.write(home.egressAllowlist(), "[]");
        approver.answer(ApprovalDecision.approved(false));
        assertThat(exec(ID).exitCode()).isEqualTo(7);
        assertThat(ran).hasSize(1);
    }

    @Test
    void requiredSessionIdMissing() throws Exception {
        env.put("OPENCLAW_REQUIRE_SESSION_ID", "1");
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.SESSION_ID_MISSING);
        assertThat(audit()).contains("\"session_id_missing\"");
        env.put("OPENCLAW_TASK_SESSION_ID", "task-9");
        approver.answer(ApprovalDecision.approved(false));
        assertThat(exec(ID).exitCode()).isEqualTo(7);
        assertThat(approver.asked.get(0).binding().sessionId()).isEqualTo("task-9");
    }

    @Test
    void invalidCommandAndSudo() throws Exception {
        ExecOutcome relative = exec(List.of("id"));
        assertThat(relative.exitCode()).isEqualTo(ExitCode.INVALID_COMMAND);
        assertThat(audit()).contains("\"command_invalid\"", "command path must be absolute");
        env.put("OPENCLAW_REAL_SUDO", cwd.resolve("sudo").toString());
        ExecOutcome sudo = guarded(run -> 0, 1000).execute(request(ID, true, false, null, cwd));
        assertThat(sudo.exitCode()).isEqualTo(ExitCode.INVALID_SUDO);
        assertThat(audit()).contains("\"sudo_binary_invalid\"");
        assertThat(approver.asked).isEmpty();
    }

    @Test
    void aSameUserBrokerRunsTheResolvedProgramThroughSudoBehindDoubleDash() throws Exception {
        env.put("OPENCLAW_REAL_SUDO", "/usr/bin/env");
        approver.answer(ApprovalDecision.approved(false));
        guarded(run -> {
            ran.add(run.runArgv());
            return 0;
        }, 1000).execute(request(ID, true, false, null, cwd));
        assertThat(ran).containsExactly(List.of(Path.of("/usr/bin/env").toRealPath().toString(), "-n", "--",
                Path.of("/usr/bin/id").toRealPath().toString(), "-u"));
    }

    @Test
    void aRootBrokerNeedsNoSudoAndRunsTheResolvedProgramNotTheNameGiven() throws Exception {
        env.put("OPENCLAW_REAL_SUDO", cwd.resolve("no-such-sudo").toString());
        approver.answer(ApprovalDecision.approved(false));
        guarded(run -> {
            ran.add(run.runArgv());
            assertThat(run.commandEnv()).containsEntry("TERM", "xterm");
            return 0;
        }, 0).execute(request(List.of("/bin/id", "-u"), true, false, null, cwd));
        assertThat(ran).containsExactly(List.of(Path.of("/bin/id").toRealPath().toString(), "-u"));
        assertThat(approver.asked.get(0).useSudo()).as("the admin is not told of a sudo that never runs").isFalse();
    }

    @Test
    void noApproverReachable() throws Exception {
        approver.unreachable();
        ExecOutcome o = exec(ID);
        assertThat(o.exitCode()).isEqualTo(ExitCode.NO_APPROVER);
        assertThat(ran).isEmpty();
        assertThat(audit()).contains("\"approver_unreachable\"");
    }

    @Test
    void eachRefusalOfTheApproverHasItsExitCode() throws Exception {
        approver.answer(ApprovalDecision.of(ApprovalDecision.Outcome.SECOND_FACTOR_FAILED, "wrong token"))
                .answer(ApprovalDecision.of(ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED, "not confirmed"))
                .answer(ApprovalDecision.of(ApprovalDecision.Outcome.TIMED_OUT, "timed out"))
                .answer(ApprovalDecision.denied("no root for you"));
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.SECOND_FACTOR_FAILED);
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.UNTRUSTED_NOT_CONFIRMED);
        assertThat(exec(ID).exitCode()).isEqualTo(ExitCode.APPROVAL_TIMED_OUT);
        ExecOutcome denied = exec(ID);
        assertThat(denied.exitCode()).isEqualTo(ExitCode.DENIED);
        assertThat(denied.message()).isEqualTo("denied: no root for you");
        assertThat(ran).isEmpty();
        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isFalse();
        assertThat(audit()).contains("\"approval_token_failed\"", "\"untrusted_source_block\"", "\"outcome\":\"timed_out\"");
    }

    @Test
    void untrustedSourceNeedsConfirmationAndIsNeverServedFromTheSession() throws Exception {
        approver.answer(ApprovalDecision.approved(true)).answer(ApprovalDecision.approved(true));
        exec(ID, true, null, cwd);
        env.put("OPENCLAW_UNTRUSTED_SOURCE", "1");
        exec(ID, true, null, cwd);
        assertThat(approver.asked).hasSize(2);
        assertThat(approver.asked.get(1).untrusted()).isTrue();
        assertThat(approver.asked.get(1).confirmationRequired()).isTrue();
    }

    @Test
    void promptPolicyCanWaiveTheConfirmationButNotTheQuestion() throws Exception {
        TestHomes.write(home.promptPolicy(), "{\"require_confirmation_for_untrusted\": false}");
        env.put("OPENCLAW_UNTRUSTED_SOURCE", "1");
        approver.answer(ApprovalDecision.approved(false));
        exec(ID);
        assertThat(approver.asked.get(0).untrusted()).isTrue();
        assertThat(approver.asked.get(0).confirmationRequired()).isFalse();
    }

    @Test
    void theApproverSeesTheExactBinding() throws Exception {
        approver.answer(ApprovalDecision.approved(false));
        exec(List.of("/bin/id", "-u", "a\u001b[2Jb"));
        ApprovalRequest r = approver.asked.get(0);
        assertThat(r.binding().argv()).containsExactly("/bin/id", "-u", "a\u001b[2Jb");
        assertThat(r.binding().resolvedPath()).isEqualTo(Path.of("/bin/id").toRealPath().toString());
        assertThat(r.binding().cwd()).isEqualTo(cwd.toString());
        assertThat(r.requester().pid()).isEqualTo(4242);
        assertThat(r.reason()).isEqualTo("restart the web server");
    }
}
