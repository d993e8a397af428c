package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clawguard exec} and its companions run as real processes against a temp home. */
class ExecEndToEndTest {
    @TempDir
    Path root;
    StateHome home;
    Path cwd;

    @BeforeEach
    void setUp() throws Exception {
        home = TestHomes.under(root);
        cwd = Files.createDirectories(root.resolve("work"));
    }

    private CliProcess.Result clawguard(Map<String, String> env, String stdin, String... args) {
        String[] withHome = new String[args.length + 2];
        System.arraycopy(args, 0, withHome, 0, args.length);
        int at = args.length;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                at = i;
                break;
            }
        }
        System.arraycopy(args, 0, withHome, 0, at);
        withHome[at] = "--home";
        withHome[at + 1] = home.dir().toString();
        System.arraycopy(args, at, withHome, at + 2, args.length - at);
        return CliProcess.run(cwd, env, stdin, withHome);
    }

    private void allowListInSession(List<String> argv) throws Exception {
        Path program = Path.of(argv.get(0)).toRealPath();
        CommandBinding b = new CommandBinding(argv, program.toString(), cwd.toRealPath().toString(), null,
                io.clawguard.files.ProcessIdentity.uid(), io.clawguard.files.FileIdentity.of(program).toString(),
                io.clawguard.files.FileIdentity.of(cwd).toString());
        new ElevationStore(home.elevationState()).update(s -> new ElevationStore.Outcome<>(
                s.granted(b, "seeded", AllowedCommand.Scope.SESSION, "seed", Instant.now()), null));
    }

    /** Runs {@code work} with a broker on the temp home, deciding nothing by itself. */
    private void withBroker(ThrowingRunnable work) throws Exception {
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            work.run();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void withoutABrokerNothingCanApproveAndPipedYesIsNoAnswer() {
        CliProcess.Result r = clawguard(Map.of(), "y\ny\n", "exec", "--reason", "test", "--", "/usr/bin/id");
        assertThat(r.exitCode()).isEqualTo(10);
        assertThat(r.stderr()).contains("no approver reachable", "clawguard broker", "clawguard console");
        assertThat(r.stdout()).doesNotContain("uid=");
    }

    @Test
    void aStateFolderOfTheAgentsOwnThatAsksForATerminalPromptGetsNone() {
        TestHomes.write(home.config(), "{\"tty_fallback\": true}");
        CliProcess.Result r = clawguard(Map.of(), "y\n", "exec", "--reason", "test", "--", "/usr/bin/id");
        assertThat(r.exitCode()).isEqualTo(10);
        assertThat(r.stdout()).doesNotContain("uid=");
    }

    @Test
    void anAllowListedCommandRunsWithTheBrokersEnvironment() throws Exception {
        allowListInSession(List.of("/usr/bin/env"));
        withBroker(() -> {
            CliProcess.Result r = clawguard(Map.of("PYTHONPATH", "/tmp/evil", "LD_LIBRARY_PATH", "/tmp/evil",
                    "BASH_ENV", "/tmp/evil.sh", "LANG", "C.UTF-8", "HOME", "/tmp/agent-home"), "", "exec", "--reason",
                    "env", "--keep-session", "--", "/usr/bin/env");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).contains("PATH=/usr/bin:/bin:/usr/sbin:/sbin", "LANG=C.UTF-8")
                    .doesNotContain("PYTHONPATH", "LD_LIBRARY_PATH", "BASH_ENV", "/tmp/agent-home");
        });
    }

    @Test
    void theCommandsOwnExitCodeIsReturned() throws Exception {
        // Inline shell code is asked every time unless the admin turned strict_inline_eval off.
        TestHomes.write(home.config(), "{\"strict_inline_eval\": false}");
        allowListInSession(List.of("/bin/sh", "-c", "exit 42"));
        withBroker(() -> {
            CliProcess.Result r = clawguard(Map.of(), "", "exec", "--reason", "x", "--keep-session", "--",
                    "/bin/sh", "-c", "exit 42");
            assertThat(r.exitCode()).as(r.stderr()).isEqualTo(42);
        });
        assertThat(Files.readString(home.auditLog())).contains("\"returncode\":42");
    }

    @Test
    void theConsoleWithoutATerminalSaysWhatItNeedsInOneLine() {
        CliProcess.Result r = clawguard(Map.of(), "", "console");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("clawguard console: needs a terminal").doesNotContain("\n", "Exception");
    }

    @Test
    void usageErrorsExitTwo() {
        CliProcess.Result noReason = clawguard(Map.of(), "", "exec", "--", "/usr/bin/id");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.stderr()).contains("--reason");
        assertThat(clawguard(Map.of(), "", "exec", "--reason", "x").exitCode()).isEqualTo(2);
        assertThat(clawguard(Map.of(), "", "exec", "--reason", "x", "--timeout-minutes", "0", "--", "/usr/bin/id")
                .exitCode()).isEqualTo(2);
        assertThat(clawguard(Map.of(), "", "exec", "--reason", "x", "--bogus", "--", "/usr/bin/id").exitCode())
                .isEqualTo(2);
        CliProcess.Result help = clawguard(Map.of(), "", "exec", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--reason", "10 no approver reachable");
    }

    @Test
    void auditVerifyFailsNamingTheLineAndTailShowsRecords() throws Exception {
        withBroker(() -> {
            clawguard(Map.of(), "", "exec", "--reason", "one", "--", "relative-one");
            clawguard(Map.of(), "", "exec", "--reason", "two", "--", "relative-two");
        });
        CliProcess.Result tail = clawguard(Map.of(), "", "audit", "tail", "-n", "2");
        assertThat(tail.stdout().lines()).hasSize(2);
        assertThat(tail.stdout()).contains("command_invalid", "broker_stopped");

        List<String> lines = Files.readAllLines(home.auditLog());
        lines.set(0, lines.get(0).replace("\"broker_started\"", "\"broker_startet\""));
        Files.write(home.auditLog(), lines);
        CliProcess.Result verify = clawguard(Map.of(), "", "audit", "verify", "--json");
        assertThat(verify.exitCode()).as("the contract: 5, the audit log does not verify").isEqualTo(5);
        assertThat(JsonValues.parse(verify.stdout())).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("first_bad_line", 1L)
                .containsEntry("intact", false);
    }

    @Test
    void statusReportsTheSessionAsJson() throws Exception {
        allowListInSession(List.of("/usr/bin/id"));
        CliProcess.Result r = clawguard(Map.of(), "", "status", "--json");
        assertThat(r.exitCode()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) JsonValues.parse(r.stdout());
        assertThat(status).containsEntry("mode", "elevated").containsEntry("idle_timeout_seconds", 1800L);
        assertThat((Long) status.get("idle_left_seconds")).isBetween(1700L, 1800L);
        assertThat(status.get("allowed_commands").toString()).contains("/usr/bin/id", "session");
    }

    @Test
    void statusShowsAnExpiredSessionAsExpired() throws Exception {
        ElevationState old = ElevationState.INITIAL.granted(new CommandBinding(List.of("/usr/bin/id"), "/usr/bin/id",
                "/", null, 0, "1:1", "1:2"), "old", AllowedCommand.Scope.SESSION, "r", Instant.now().minusSeconds(3600));
        new ElevationStore(home.elevationState()).update(s -> new ElevationStore.Outcome<>(old, null));
        assertThat(clawguard(Map.of(), "", "status").stdout()).contains("mode: EXPIRED");
    }

    @Test
    void preflightFailsOnABrokenPolicyFile() throws Exception {
        TestHomes.write(home.commandPolicy(), "{\"deny\": [\"(\"]}");
        CliProcess.Result r = clawguard(Map.of(), "", "preflight", "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stdout()).contains("\"check\" : \"command-policy\"", "\"status\" : \"fail\"", "not a valid regex");
        TestHomes.write(home.commandPolicy(), "{}");
        assertThat(clawguard(Map.of(), "", "preflight").exitCode()).isZero();
    }

    @Test
    void theSeedsStateFolderWorksUnchanged() throws Exception {
        for (String f : List.of("command-policy.template.json:command-policy.json",
                "prompt-policy.template.json:prompt-policy.json", "approved_ports.template.json:approved_ports.json",
                "egress-allowlist.template.json:egress_allowlist.json", "root-session-state.json:root-session-state.json",
                "privileged-audit.jsonl:privileged-audit.jsonl")) {
            String[] names = f.split(":");
            TestHomes.write(home.dir().resolve(names[1]), TestHomes.resource("seed-format/" + names[0]));
        }
        CliProcess.Result preflight = clawguard(Map.of(), "", "preflight");
        assertThat(preflight.stdout()).doesNotContain("fail ");
        CliProcess.Result verify = clawguard(Map.of(), "", "audit", "verify");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.stdout()).contains("16 unchained legacy lines");
        assertThat(clawguard(Map.of(), "", "audit", "tail", "-n", "3").stdout()).contains("policy_block");
        assertThat(clawguard(Map.of(), "", "status").exitCode()).isZero();
        withBroker(() -> {
            CliProcess.Result exec = clawguard(Map.of(), "", "exec", "--reason", "x", "--", "/usr/bin/id");
            assertThat(exec.exitCode()).as("the seed template allows only openclaw and python3").isEqualTo(3);
            assertThat(exec.stderr()).contains("matches no allow rule");
        });
        assertThat(clawguard(Map.of(), "", "audit", "verify").stdout()).contains("the chain starts at line 17");
    }
}
