package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker runs with -Xmx160m and -XX:+ExitOnOutOfMemoryError (the launcher), under systemd with
 * Restart=on-failure, StartLimitBurst=5 in 60 s. UDP connect() sends nothing and needs no peer:
 * the agent (uid 4242, all sockets of a process bound to one port with SO_REUSEADDR, so no ephemeral
 * port runs out; five processes of 19,900 sockets each here; systemd's default hard limit
 * of 524,288 files lets one process do it) connects 100,000 UDP sockets to as many addresses.
 * Every scan then builds a Connection, a Finding with two long strings, a resolver task and a
 * picture entry for each: the broker runs out of heap and exits on its first scan, five times
 * in a minute, and systemd stops restarting it. No monitoring, no console, no approvals.
 */
class ScanMemoryAttackTest {
    @TempDir
    Path root;

    @Test
    void aHundredThousandUdpConnectionsDoNotKillTheBrokersMonitor() throws Exception {
        Path flood = root.resolve("udpflood.pl");
        Files.writeString(flood, """
                use Socket; $|=1; my ($base) = @ARGV; my @s;
                for my $i (0..19900) { socket(my $u, PF_INET, SOCK_DGRAM, 0) or die "socket $i $!";
                  setsockopt($u, SOL_SOCKET, SO_REUSEADDR, 1) or die;
                  bind($u, pack_sockaddr_in(41000 + $base, INADDR_ANY)) or die "bind $!";
                  my $n = $base * 20000 + $i;
                  connect($u, pack_sockaddr_in(443, inet_aton(sprintf("100.%d.%d.%d", 64 + ($n >> 16), ($n >> 8) & 255,
                    $n & 255)))) or die "connect $!"; push @s, $u; }
                print "ready\\n"; sleep 300;
                """);
        root.toFile().setExecutable(true, false);
        flood.toFile().setReadable(true, false);
        assertThat(monitorJvm()).as("the same JVM before the agent's sockets").contains("survived");
        List<Process> agents = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Process p = new ProcessBuilder("setpriv", "--reuid", "4242", "--regid", "4242", "--clear-groups",
                        "perl", flood.toString(), "" + i).redirectErrorStream(true).start();
                agents.add(p);
            }
            for (Process p : agents) {
                String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertThat(line).as("the agent's sockets are open").isEqualTo("ready");
            }
            assertThat(monitorJvm()).as("the monitor's JVM, with the broker's heap, after three scans").contains("survived");
        } finally {
            for (Process p : agents) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** The monitor's scans in a JVM with the launcher's heap options; its output. */
    private static String monitorJvm() throws Exception {
        Process broker = new ProcessBuilder("java", "-XX:+ExitOnOutOfMemoryError", "-Xmx160m", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ScanUnderBrokerHeap.class.getName(), "3").redirectErrorStream(true).start();
        String out = new String(broker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(broker.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return out;
    }
}
