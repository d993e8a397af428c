package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.testing.CliProcess;
import io.clawguard.testing.Sshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ATTACK (hostile remote host): {@code assess --host ... --json -} writes the combined report to
 * standard output, the admin's terminal, with each host's assessment copied in verbatim
 * (FleetRows.json, written by JsonValues.pretty). JSON escapes only C0 controls, so the C1
 * controls a hostile host puts in its scorecard (U+009B is a CSI) and DEL reach the terminal
 * raw. The forwarder's JsonValues.compactForPeople exists for exactly this ("an analyst's terminal also obeys DEL
 * and the C1 controls"), and the row lines are escaped (FleetRows.shown), but this output is not.
 */
class FleetAssessJsonAttackTest {
    @TempDir
    Path root;

    @Test
    void aLyingHostsScorecardOnStandardOutputCarriesNoTerminalControls() throws Exception {
        Path liar = Sshd.lyingClawguard(root, "{\"schema\":\"clawguard-assessment/2\",\"score\":100,"
                + "\"band\":\"good\\u009b2J\\u009b1;31mOWNED\\u007f\",\"counts\":{\"by_status\":{\"compliant\":1}},"
                + "\"checks\":[]}");
        try (Sshd sshd = Sshd.start(root.resolve("sshd"))) {
            List<String> args = new ArrayList<>(sshd.assessArgs("liar", liar));
            args.addAll(List.of("--json", "-"));
            CliProcess.Result r = CliProcess.run(root, Map.of(), "", args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).as("the report on standard output").contains("clawguard-fleet-assessment/1")
                    .doesNotContain("\u009b").doesNotContain("\u007f");
        }
    }
}
