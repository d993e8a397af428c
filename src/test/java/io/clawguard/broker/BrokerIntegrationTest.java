package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.audit.AuditVerifier;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.StateHome;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker on sockets in a temp folder, asked by real {@code clawguard exec} processes:
 * the broker starts the command itself and the requester sees it as if it ran it.
 */
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

    private Process exec(Path dir, String... argv) throws Exception {
        List<String> args = new ArrayList<>(List.of("exec", "--home", home.dir().toString(), "--reason", "integration"));
        args.addAll(List.of(argv));
        return CliProcess.start(dir, Map.of("LANG", "C.UTF-8", "PYTHONPATH", "/tmp/evil", "LD_PRELOAD", "/tmp/evil.so"),
                args.toArray(String[]::new));
    }

    private Process exec(String... argv) throws Exception {
        return exec(cwd, argv);
    }

    private String audit() throws Exception {
        return Files.readString(home.auditLog());
    }

    @Test
    void approveOnceRunsTheCommandInTheBrokerOnceAndTheNextRunAsksAgain() throws Exception {
        Process p = exec("--", "/usr/bin/touch", "made-by-the-broker");
        PendingApprovals.Pending pending = broker.awaitPending(1);
        assertThat(pending.request().binding().argv()).containsExactly("/usr/bin/touch", "made-by-the-broker");
        assertThat(pending.request().requester().pid()).as("pid from SO_PEERCRED").isEqualTo(p.pid());
        assertThat(pending.request().requester().process()).as("named, with its parents")
                .startsWith("clawguard exec (pid " + p.pid() + ") ← ");
        assertThat(pending.request().binding().cwd()).as("cwd from /proc").isEqualTo(cwd.toRealPath().toString());
        assertThat(pending.request().argvResolved()).containsExactly("", "");
        assertThat(broker.decide(pending, ApprovalDecision.approved(false))).startsWith("approved once");
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("waits for an admin to approve it");
        assertThat(cwd.resolve("made-by-the-broker")).exists();
        assertThat(audit()).contains("\"exec_start\"", "\"exec_finish\"", "\"returncode\":0");

        Process again = exec("--", "/usr/bin/touch", "made-by-the-broker");
        PendingApprovals.Pending second = broker.awaitPending(1);
        broker.decide(second, ApprovalDecision.denied("once was enough"));
        CliProcess.Result denied = CliProcess.collect(again, "exec");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).contains("denied: once was enough");
    }

    @Test
    void approveAndKeepThenTheSameArgvRunsWithoutAskingAndPrintsItsOutput() throws Exception {
        Process p = exec("--keep-session", "--", "/usr/bin/id", "-u");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(true));
        CliProcess.Result first = CliProcess.collect(p, "exec");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout().strip()).isEqualTo(Long.toString(io.clawguard.files.ProcessIdentity.uid()));

        CliProcess.Result again = CliProcess.collect(exec("--keep-session", "--", "/usr/bin/id", "-u"), "exec");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout().strip()).matches("\\d+");
        assertThat(again.stderr()).doesNotContain("waits for");
        assertThat(audit()).contains("\"authorised_by\":\"session\"");
    }

    @Test
    void theCommandsStandardInputOutputErrorAndExitCodeReachTheRequester() throws Exception {
        Process p = exec("--", "/bin/sh", "-c", "cat; echo to-stderr >&2; exit 42");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
        try (OutputStream in = p.getOutputStream()) {
            in.write("hello through the broker\n".getBytes(StandardCharsets.UTF_8));
        }
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).isEqualTo(42);
        assertThat(r.stdout()).isEqualTo("hello through the broker\n");
        assertThat(r.stderr()).contains("to-stderr");
        assertThat(audit()).contains("\"returncode\":42");
        Thread.sleep(300);
        assertThat(audit()).as("a requester that leaves after the end interrupts nothing")
                .doesNotContain("exec_interrupted");
    }

    @Test
    void megabytesOfInputAndOutputStreamThroughTheWindow() throws Exception {
        Process p = exec("--", "/usr/bin/wc", "-c");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream in = p.getOutputStream()) {
            for (int i = 0; i < 64; i++) {
                in.write(chunk);
            }
        }
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip()).isEqualTo(Integer.toString(64 * 64 * 1024));

        Process out = exec("--", "/usr/bin/head", "-c", "3000000", "/dev/zero");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
        byte[] all = out.getInputStream().readAllBytes();
        assertThat(out.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(all).hasSize(3_000_000);
    }

    @Test
    void theCommandGetsTheEnvironmentTheBrokerBuiltAndNotTheRequesters() throws Exception {
        Process p = exec("--", "/usr/bin/env");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("PATH=/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C.UTF-8")
                .doesNotContain("PYTHONPATH", "LD_PRELOAD", "CLAWGUARD");
    }

    @Test
    void killingExecEndsTheCommandsProcessGroupAndIsAudited() throws Exception {
        Path pidFile = root.resolve("pids");
        Process p = exec("--", "/bin/sh", "-c", "sleep 300 & echo $$ $! > " + pidFile + "; wait");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
        for (int i = 0; i < 200 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            Thread.sleep(50);
        }
        String[] pids = Files.readString(pidFile).strip().split(" ");
        ProcessHandle shell = ProcessHandle.of(Long.parseLong(pids[0])).orElseThrow();
        ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(pids[1])).orElseThrow();
        p.destroyForcibly().waitFor();
        shell.onExit().get(10, TimeUnit.SECONDS);
        sleeper.onExit().get(10, TimeUnit.SECONDS);
        assertThat(shell.isAlive()).isFalse();
        assertThat(sleeper.isAlive()).as("the whole process group is ended").isFalse();
        for (int i = 0; i < 100 && !audit().contains("\"exec_finish\""); i++) {
            Thread.sleep(50);
        }
        assertThat(audit()).contains("\"exec_interrupted\"", "SIGTERM to the process group", "\"exec_finish\"");
    }

    /** A child that leaves the process group (a session of its own) is still the run's, and dies with it. */
    @Test
    void killingExecEndsEvenAChildThatStartedASessionOfItsOwn() throws Exception {
        Path pidFile = root.resolve("escaped");
        Process p = exec("--", "/bin/sh", "-c", "setsid /bin/sh -c 'echo $$ > " + pidFile + "; exec sleep 300' &"
                + " sleep 300");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(false));
        for (int i = 0; i < 200 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            Thread.sleep(50);
        }
        long escaped = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle h = ProcessHandle.of(escaped).orElseThrow();
        assertThat(Files.readString(Path.of("/proc", Long.toString(escaped), "stat")).split(" ")[5])
                .as("it really has a session of its own").isEqualTo(Long.toString(escaped));
        p.destroyForcibly().waitFor();
        h.onExit().get(20, TimeUnit.SECONDS);
        assertThat(Path.of("/proc", Long.toString(escaped))).as("no orphan left").doesNotExist();
    }

    @Test
    void aSymlinkSwappedWhileTheRequestWaitsDoesNotChangeWhatRuns() throws Exception {
        Path link = root.resolve("tool");
        Files.createSymbolicLink(link, Path.of("/usr/bin/id"));
        Process p = exec("--", link.toString(), "-u");
        PendingApprovals.Pending pending = broker.awaitPending(1);
        assertThat(pending.request().binding().resolvedPath()).isEqualTo(Path.of("/usr/bin/id").toRealPath().toString());
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("/usr/bin/touch"));
        broker.decide(pending, ApprovalDecision.approved(false));
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout().strip()).as("id ran, as shown, not the swapped-in touch").matches("\\d+");
        assertThat(cwd.resolve("-u")).doesNotExist();
    }

    @Test
    void aWorkingFolderReplacedBySymlinkWhileTheRequestWaitsDoesNotMoveTheCommand() throws Exception {
        Path victim = Files.createDirectories(root.resolve("victim"));
        Process p = exec("--", "/usr/bin/touch", "zz");
        PendingApprovals.Pending pending = broker.awaitPending(1);
        assertThat(pending.request().binding().cwd()).isEqualTo(cwd.toRealPath().toString());
        Path moved = root.resolve("work.old");
        Files.move(cwd, moved);
        Files.createSymbolicLink(cwd, victim);
        broker.decide(pending, ApprovalDecision.approved(false));
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(victim.resolve("zz")).as("nothing created where the symlink points").doesNotExist();
        assertThat(moved.resolve("zz")).as("created in the very folder that was shown").exists();
    }

    @Test
    void aRequestTimesOutToADenialThatLeavesNoAllowListEntry() throws Exception {
        broker.close();
        broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMillis(300));
        CliProcess.Result r = CliProcess.collect(exec("--keep-session", "--", "/usr/bin/id"), "exec");
        assertThat(r.exitCode()).isEqualTo(11);
        assertThat(r.stderr()).contains("timed out", "no admin console is attached");
        assertThat(new ElevationStore(home.elevationState()).read().allowedCommands()).isEmpty();
        assertThat(audit()).contains("\"outcome\":\"timed_out\"").doesNotContain("approval_granted");
    }

    @Test
    void policyRefusalsKeepTheirExitCodes() throws Exception {
        TestHomes.write(home.commandPolicy(), TestHomes.resource("seed-format/command-policy.template.json"));
        assertThat(CliProcess.collect(exec("--", "/usr/bin/rm", "-rf", "/nothing"), "exec").exitCode()).isEqualTo(3);
        assertThat(CliProcess.collect(exec("--", "rm"), "exec").exitCode()).isEqualTo(8);
        Process needsSession = CliProcess.start(cwd, Map.of("OPENCLAW_REQUIRE_SESSION_ID", "1"), "exec", "--home",
                home.dir().toString(), "--reason", "x", "--", "/usr/bin/id");
        assertThat(CliProcess.collect(needsSession, "exec").exitCode()).isEqualTo(6);
        List<String> wide = new ArrayList<>(List.of("--", "/usr/bin/echo"));
        for (int i = 0; i < 300; i++) {
            wide.add("a" + i);
        }
        CliProcess.Result tooMany = CliProcess.collect(exec(wide.toArray(String[]::new)), "exec");
        assertThat(tooMany.exitCode()).isEqualTo(3);
        assertThat(tooMany.stderr()).contains("has 301 arguments; max_args is 256");
        assertThat(audit()).contains("\"policy_block\"", "\"command_invalid\"", "\"session_id_missing\"",
                "\"too_many_args\"");
    }

    @Test
    void aRunAsRuleRunsTheCommandAsTheUserTheAdminNamedAndAnUnknownOneRefuses() throws Exception {
        TestHomes.write(home.commandPolicy(), "{\"run_as\": [{\"match\": \"^/usr/bin/id\\\\b\", \"user\": \"nobody\"}]}");
        Process p = exec("--", "/usr/bin/id", "-u");
        PendingApprovals.Pending pending = broker.awaitPending(1);
        assertThat(pending.request().runsAs()).isEqualTo("nobody");
        broker.decide(pending, ApprovalDecision.approved(false));
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String nobody = io.clawguard.files.UserDatabase.account("nobody", Files.readAllLines(Path.of("/etc/passwd")))
                .uid() + "";
        assertThat(r.stdout().strip()).isEqualTo(nobody);

        TestHomes.write(home.commandPolicy(), "{\"run_as\": [{\"match\": \"^/usr/bin/id\", \"user\": \"no-such-user\"}]}");
        CliProcess.Result unknown = CliProcess.collect(exec("--", "/usr/bin/id"), "exec");
        assertThat(unknown.exitCode()).isEqualTo(7);
        assertThat(unknown.stderr()).contains("no-such-user", "not in /etc/passwd");
    }

    @Test
    void aProgramReachedThroughASymlinkRunsUnderTheNameTheAdminRead() throws Exception {
        Process compress = new ProcessBuilder("/usr/bin/xz").start();
        try (OutputStream in = compress.getOutputStream()) {
            in.write("the name matters\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] packed = compress.getInputStream().readAllBytes();
        compress.waitFor();
        Process p = exec("--", "/usr/bin/xzcat");
        PendingApprovals.Pending pending = broker.awaitPending(1);
        assertThat(pending.request().binding().resolvedPath()).isEqualTo(Path.of("/usr/bin/xz").toRealPath().toString());
        broker.decide(pending, ApprovalDecision.approved(false));
        try (OutputStream in = p.getOutputStream()) {
            in.write(packed);
        }
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).as("xz run as xzcat decompresses, as the admin read").isEqualTo("the name matters\n");
    }

    @Test
    void dropSaysWhatHappened() throws Exception {
        assertThat(broker.keyboard.dropElevation().get(10, TimeUnit.SECONDS)).isEqualTo("not elevated: nothing to drop");
        Process p = exec("--keep-session", "--", "/usr/bin/id", "-u");
        broker.decide(broker.awaitPending(1), ApprovalDecision.approved(true));
        assertThat(CliProcess.collect(p, "exec").exitCode()).isZero();
        assertThat(broker.keyboard.dropElevation().get(10, TimeUnit.SECONDS)).isEqualTo("elevation dropped");
        assertThat(audit()).contains("\"drop_elevation\"", "\"by\":\"test-admin\"");
    }
}
