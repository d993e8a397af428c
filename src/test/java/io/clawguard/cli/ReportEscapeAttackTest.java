package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.files.StateHome;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.TestHomes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot reports print the process name, which the process chose (comm: 15 bytes, written
 * to /proc/self/comm or set with prctl), raw to the admin's terminal. The console escapes it
 * (NetworkRow.visible); `clawguard ports` and `clawguard egress` do not. With "\e[8m" (conceal)
 * as its name, the agent's own row and every line after it (its findings included) are invisible
 * on xterm/VTE; "\e[2K\r" wipes the line so far; OSC sequences retitle the window.
 */
class ReportEscapeAttackTest {
    @TempDir
    Path root;

    @Test
    void aProcessNameWithEscapeSequencesIsPrintedEscapedByThePortsReport() throws Exception {
        StateHome home = TestHomes.under(root);
        String script = "use Socket; $|=1; socket(my $s, PF_INET, SOCK_STREAM, 0) or die;"
                + "bind($s, pack_sockaddr_in(0, INADDR_ANY)) or die; listen($s, 5) or die;"
                + "open(my $c, '>', '/proc/self/comm') or die \"comm $!\"; print $c \"\\e[8mhidden\"; close $c;"
                + "my ($p) = unpack_sockaddr_in(getsockname($s)); print \"$p\\n\"; sleep 60;";
        Process agent = new ProcessBuilder("setpriv", "--reuid", "4242", "--regid", "4242", "--clear-groups",
                "perl", "-e", script).redirectErrorStream(true).start();
        try {
            String port = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(port).matches("\\d+");
            CliProcess.Result ports = CliProcess.run(root, Map.of(), "", "ports", "--home", home.dir().toString());
            assertThat(ports.stdout()).as("the agent's listener is in the report").contains(":" + port + " ");
            assertThat(ports.stdout()).as("no raw escape character reaches the admin's terminal")
                    .doesNotContain("\u001b");
        } finally {
            agent.destroyForcibly().waitFor();
        }
    }
}
