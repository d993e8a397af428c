package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess as a real process: it judges the host as it finds it, so it creates nothing and repeats itself. */
class AssessReadOnlyTest {
    @TempDir
    Path root;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statuses(CliProcess.Result r) throws java.io.IOException {
        Map<String, Object> a = (Map<String, Object>) JsonValues.parse(r.stdout());
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object o : (List<Object>) a.get("checks")) {
            Map<String, Object> c = (Map<String, Object>) o;
            out.put((String) c.get("check_id"), c.get("status"));
        }
        out.put("score", a.get("score"));
        out.put("coverage", a.get("coverage"));
        out.put("band", a.get("band"));
        return out;
    }

    @Test
    void aFirstAndASecondRunGiveTheSameResultAndLeaveNoFolderBehind() throws Exception {
        Path home = root.resolve("state-not-yet-made");
        Path openclaw = root.resolve("agent-home/.openclaw");
        TestHomes.write(openclaw.resolve("openclaw.json"), "{gateway: {bind: 'loopback'}}");
        CliProcess.Result first = CliProcess.run(root, Map.of(), "", "assess", "--json", "-", "--home", home.toString(),
                "--openclaw-dir", openclaw.toString());
        assertThat(home).as("assess creates no state folder").doesNotExist();
        CliProcess.Result second = CliProcess.run(root, Map.of(), "", "assess", "--json", "-", "--home",
                home.toString(), "--openclaw-dir", openclaw.toString());
        assertThat(home).doesNotExist();
        assertThat(first.exitCode()).as(first.stderr()).isIn(1, 3);
        assertThat(statuses(second)).isEqualTo(statuses(first));
        assertThat(first.stderr()).contains("checks assessed (");
        assertThat(first.stdout()).as("OpenClaw's folder is the one named, not the state folder's parent")
                .contains(openclaw.resolve("openclaw.json").toString());
        assertThat(Files.list(openclaw)).hasSize(1);
    }

    @Test
    void openclawStateDirIsHonouredAndXccdfIsWritten() throws Exception {
        Path home = root.resolve("state");
        Path openclaw = root.resolve("elsewhere");
        TestHomes.write(openclaw.resolve("openclaw.json"), "{gateway: {bind: 'loopback'}}");
        Path xccdf = root.resolve("out.xccdf.xml");
        CliProcess.Result r = CliProcess.run(root, Map.of("OPENCLAW_STATE_DIR", openclaw.toString()), "", "assess",
                "--home", home.toString(), "--xccdf", xccdf.toString(), "--json", "-");
        assertThat(r.stdout()).contains(openclaw.resolve("openclaw.json").toString());
        assertThat(Files.readString(xccdf)).contains("<TestResult", "rule-result");
    }

    @Test
    void aCoverageFloorOutOfRangeIsABrokenConfigNamingTheField() {
        Path home = root.resolve("state");
        TestHomes.write(home.resolve("clawguard.json"), "{\"assessment\": {\"min_coverage_percent\": 170}}");
        CliProcess.Result r = CliProcess.run(root, Map.of(), "", "assess", "--home", home.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BROKEN_CONFIG);
        assertThat(r.stderr()).contains("min_coverage_percent").hasLineCount(1);
    }
}
