package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.TestHomes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ports, egress and assess as real processes against a temp home, on this machine as it is. */
class ReportsEndToEndTest {
    @TempDir
    Path root;

    @SuppressWarnings("unchecked")
    @Test
    void portsFlagsAnUnapprovedListenerAndEgressAndAssessWriteTheirReports() throws Exception {
        StateHome home = TestHomes.under(root);
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CliProcess.Result ports = CliProcess.run(root, Map.of(), "", "ports", "--json", "--home", home.dir().toString());
            Map<String, Object> report = (Map<String, Object>) JsonValues.parse(ports.stdout());
            assertThat(ports.exitCode()).isEqualTo(1);
            assertThat(report).containsEntry("baseline_present", false).containsKey("generated_at_utc");
            assertThat((List<Object>) report.get("listening")).anySatisfy(s -> assertThat((Map<String, Object>) s)
                    .containsEntry("port", (long) listener.getLocalPort()).containsEntry("approved", false));
        }
        CliProcess.Result egress = CliProcess.run(root, Map.of(), "", "egress", "--json", "--home", home.dir().toString());
        assertThat((Map<String, Object>) JsonValues.parse(egress.stdout())).containsKeys("outbound", "inbound_count", "findings");

        Path json = root.resolve("a.json");
        Path html = root.resolve("a.html");
        CliProcess.Result assess = CliProcess.run(root, Map.of(), "", "assess", "--home", home.dir().toString(),
                "--json", json.toString(), "--html", html.toString());
        assertThat(assess.exitCode()).as(assess.stderr()).isEqualTo(1);
        assertThat(assess.stdout()).contains("score ", "violation      high   command_policy_enforced");
        Map<String, Object> a = (Map<String, Object>) JsonValues.parse(Files.readString(json));
        assertThat(a).containsEntry("schema", "clawguard-assessment/2");
        assertThat((List<Object>) a.get("checks")).hasSize(io.clawguard.compliance.ControlsMap.builtIn().size());
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(home.complianceState()).as("assess remembers nothing unless --notify").doesNotExist();
    }
}
