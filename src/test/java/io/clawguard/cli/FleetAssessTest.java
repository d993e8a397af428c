package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.Sshd;
import io.clawguard.testing.TestHomes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --host}: each host assessed on itself through a real sshd, one row per host;
 * a host that cannot be reached has a row that says so, and a host that answers with terminal
 * escapes in its scorecard has them shown escaped.
 */
class FleetAssessTest {
    @TempDir
    Path root;

    @Test
    void aRowPerHostAnUnreachableOneSaysSoAndTheJsonHoldsThemAll() throws Exception {
        Path alpha = TestHomes.under(root.resolve("alpha")).dir();
        Path beta = TestHomes.under(root.resolve("beta")).dir();
        int nobody;
        try (ServerSocket s = new ServerSocket(0)) {
            nobody = s.getLocalPort();
        }
        try (Sshd sshd = Sshd.start(root.resolve("sshd"))) {
            Path report = root.resolve("fleet.json");
            CliProcess.Result r = CliProcess.run(root, Map.of(), "", "assess",
                    "--host", "alpha=ssh://root@127.0.0.1:" + sshd.port() + alpha,
                    "--host", "beta=ssh://root@127.0.0.1:" + sshd.port() + beta,
                    "--host", "gone=ssh://root@127.0.0.1:" + nobody,
                    "--ssh-config", sshd.clientConfig().toString(),
                    "--remote-clawguard", Sshd.remoteClawguard(root).toString(), "--json", report.toString());
            assertThat(r.exitCode()).as(r.stderr()).as("a fresh host has violations").isEqualTo(1);
            List<String> lines = r.stdout().lines().toList();
            assertThat(lines.get(0)).startsWith("host").contains("score", "coverage", "violation", "error", "worst");
            assertThat(lines).anyMatch(l -> l.startsWith("alpha ") && l.matches(".*\\b\\d+ +\\d+ % .*"))
                    .anyMatch(l -> l.startsWith("beta "))
                    .anyMatch(l -> l.startsWith("gone ") && l.contains("NOT ASSESSED"));
            Map<?, ?> json = (Map<?, ?>) JsonValues.parse(Files.readString(report));
            assertThat(json.get("schema")).isEqualTo("clawguard-fleet-assessment/1");
            List<?> hosts = (List<?>) json.get("hosts");
            assertThat(hosts).hasSize(3);
            assertThat(((Map<?, ?>) ((Map<?, ?>) hosts.get(0)).get("assessment")).get("schema"))
                    .isEqualTo("clawguard-assessment/2");
            assertThat(((Map<?, ?>) hosts.get(2)).get("error")).isNotNull();
        }
    }

    @Test
    void aLyingHostsScorecardIsShownEscaped() throws Exception {
        Path liar = Sshd.lyingClawguard(root, "{\"schema\":\"clawguard-assessment/2\",\"score\":100,"
                + "\"band\":\"\\u001b]0;owned\\u0007good\",\"counts\":{\"by_status\":{\"compliant\":1}},\"checks\":[]}");
        try (Sshd sshd = Sshd.start(root.resolve("sshd"))) {
            CliProcess.Result r = CliProcess.run(root, Map.of(), "", sshd.assessArgs("liar", liar).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).doesNotContain("\u001b", "\u0007").contains("liar ", "100");
        }
    }

    @Test
    void aHostThatCoversTooLittleToBeGradedExitsThree() throws Exception {
        Path thin = Sshd.lyingClawguard(root, "{\"schema\":\"clawguard-assessment/2\",\"score\":100,"
                + "\"coverage\":{\"percent\":12},\"band\":\"insufficient evidence\",\"counts\":{\"by_status\":"
                + "{\"compliant\":1,\"not_assessed\":20}},\"checks\":[]}");
        try (Sshd sshd = Sshd.start(root.resolve("sshd"))) {
            CliProcess.Result r = CliProcess.run(root, Map.of(), "", sshd.assessArgs("thin", thin).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCode.INSUFFICIENT_EVIDENCE);
            assertThat(r.stdout()).contains("thin ", "12 %", "insufficient evidence");
        }
    }
}
