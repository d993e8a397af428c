package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.audit.RecordingCheck;
import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.InProcessAgent;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each approved run recorded as asciicast v2 beside the audit log: its input and output with
 * timing, its hash in exec_finish (so audit verify sees an edit), bounded in size, off by rule,
 * and replayed with whatever the command printed written out, never obeyed.
 */
class RunRecordingTest {
    @TempDir
    Path root;

    /** Runs {@code argv} through a broker, approved once, with {@code stdin}; returns the run's request id. */
    private static String run(StateHome home, List<String> argv, String stdin) throws Exception {
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            CompletableFuture<Integer> done = InProcessAgent.exec(home, argv, false, stdin);
            PendingApprovals.Pending p = broker.awaitPending(1);
            broker.decide(p, ApprovalDecision.approved(false));
            assertThat(done.get(30, TimeUnit.SECONDS)).isZero();
            return p.request().id();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> finish(StateHome home) throws Exception {
        for (String line : Files.readAllLines(home.auditLog())) {
            if (JsonValues.parse(line) instanceof Map<?, ?> m && "exec_finish".equals(m.get("action"))) {
                return (Map<String, Object>) m;
            }
        }
        throw new AssertionError("no exec_finish");
    }

    @Test
    void aRunsInputAndOutputAreRecordedAsAsciicastWithTheHashInItsRecord() throws Exception {
        StateHome home = TestHomes.under(root);
        String id = run(home, List.of("/usr/bin/bash", "-c", "echo out; echo err >&2; read x; echo \"got $x\";"
                + " printf '\\033[2Jé\\n'"), "hello\n");
        Path cast = home.logDir().resolve("recordings").resolve(id + ".cast");
        List<String> lines = Files.readAllLines(cast, StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) JsonValues.parse(lines.get(0));
        assertThat(header).containsEntry("version", 2L).containsKeys("width", "height", "timestamp", "command");
        List<String> codes = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        StringBuilder input = new StringBuilder();
        double last = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<?> e = (List<?>) JsonValues.parse(line);
            assertThat(e).hasSize(3);
            double t = ((Number) e.get(0)).doubleValue();
            assertThat(t).as("times never go back").isGreaterThanOrEqualTo(last);
            last = t;
            codes.add((String) e.get(1));
            (e.get(1).equals("i") ? input : output).append(e.get(2));
        }
        assertThat(codes).containsOnly("o", "i");
        assertThat(output.toString()).contains("out\n", "err\n", "got hello\n", "\u001b[2Jé\n");
        assertThat(input.toString()).isEqualTo("hello\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cast))).isEqualTo("rw-------");
        Map<String, Object> finish = finish(home);
        assertThat(finish.get("recording")).isEqualTo(cast.toString());
        assertThat(finish.get("recording_sha256")).isEqualTo(RecordingCheck.sha256(cast));
        assertThat(finish.get("recording_truncated")).isEqualTo(false);

        CliProcess.Result replay = CliProcess.run(root, Map.of(), "", "replay", id, "--speed", "100", "--home",
                home.dir().toString());
        assertThat(replay.exitCode()).as(replay.stderr()).isZero();
        assertThat(replay.stdout()).contains("out", "got hello", "\\x1b[2Jé").doesNotContain("\u001b");

        CliProcess.Result intact = CliProcess.run(root, Map.of(), "", "audit", "verify", "--home", home.dir().toString());
        assertThat(intact.exitCode()).as(intact.stdout()).isZero();
        Files.writeString(cast, Files.readString(cast).replace("got hello", "got world"));
        CliProcess.Result edited = CliProcess.run(root, Map.of(), "", "audit", "verify", "--home", home.dir().toString());
        assertThat(edited.exitCode()).isEqualTo(5);
        assertThat(edited.stdout()).contains("recording " + cast, "does not match: its SHA-256 is");
    }

    @Test
    void aRecordingIsCutAtItsLimitAndTheCutIsMarkedAndAudited() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.config(), "{\"recording_max_mb\": 1}");
        String id = run(home, List.of("/usr/bin/bash", "-c", "head -c 3000000 /dev/zero | tr '\\0' x"), "");
        Path cast = home.logDir().resolve("recordings").resolve(id + ".cast");
        String text = Files.readString(cast);
        assertThat(text).contains("\"m\",\"clawguard: recording cut at 1048576 bytes");
        assertThat(Files.size(cast)).isLessThan(2L << 20);
        assertThat(finish(home).get("recording_truncated")).isEqualTo(true);
    }

    @Test
    void aNoRecordRuleKeepsARunOutOfTheRecordingsAndSaysSo() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.commandPolicy(), "{\"no_record\": [\"\\\\bvault read\\\\b\"]}");
        String id = run(home, List.of("/usr/bin/bash", "-c", "echo vault read secret/db"), "");
        assertThat(home.logDir().resolve("recordings").resolve(id + ".cast")).doesNotExist();
        assertThat(finish(home)).containsEntry("recording", "off").containsEntry("recording_off_rule", "\\bvault read\\b");
    }
}
