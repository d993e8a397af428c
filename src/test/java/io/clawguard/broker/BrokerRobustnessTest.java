package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Garbage on the socket, a dying console: the broker stays up and nothing runs unapproved. */
class BrokerRobustnessTest {
    private static final String VALID = "{\"v\":1,\"type\":\"request\",\"argv\":[\"/usr/bin/id\"],\"reason\":\"r\","
            + "\"cwd\":\"/\"}";

    @TempDir
    Path root;

    static Stream<Arguments> badMessages() {
        return Stream.of(
                Arguments.of("garbage", "hello broker\n", "malformed JSON"),
                Arguments.of("not an object", "[1,2,3]\n", "must be a JSON object"),
                Arguments.of("no version", "{\"type\":\"request\"}\n", "unsupported protocol version"),
                Arguments.of("future version", "{\"v\":2,\"type\":\"request\"}\n", "unsupported protocol version"),
                Arguments.of("unknown type", "{\"v\":1,\"type\":\"approve\"}\n", "unknown message type"),
                Arguments.of("unknown field", VALID.replace("}", ",\"approved\":true}") + "\n", "unknown field \"approved\""),
                Arguments.of("argv of the wrong type", VALID.replace("[\"/usr/bin/id\"]", "\"/usr/bin/id\"") + "\n",
                        "\"argv\" must be a non-empty array of strings"),
                Arguments.of("flag of the wrong type", VALID.replace("}", ",\"use_sudo\":\"yes\"}") + "\n",
                        "\"use_sudo\" must be true or false"),
                Arguments.of("oversized", "{\"v\":1,\"type\":\"request\",\"reason\":\"" + "x".repeat(70_000) + "\"}\n",
                        "larger than 65536 bytes"),
                Arguments.of("second request before the verdict", VALID + "\n" + VALID + "\n", "one request per connection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMessages")
    void badMessagesGetAnErrorAndTheBrokerStaysUp(String name, String wire, String error) throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            Map<String, Object> reply = exchange(home.brokerSocket(), wire);
            assertThat(reply).containsEntry("type", "error");
            assertThat((String) reply.get("message")).contains(error);
            assertThat(broker.pending.snapshot()).as("nothing left pending").isEmpty();

            // The broker still answers a well-formed request afterwards.
            try (SocketChannel ch = connect(home.brokerSocket())) {
                ch.write(ByteBuffer.wrap((VALID + "\n").getBytes(StandardCharsets.UTF_8)));
                PendingApprovals.Pending p = BrokerIntegrationTest.awaitPending(broker.pending, 1);
                broker.pending.resolve(p.request().id(), ApprovalDecision.denied("still here"));
                assertThat(readReply(ch)).containsEntry("type", "refuse").containsEntry("message", "denied: still here");
            }
        }
    }

    @Test
    void aRequesterThatHangsUpWithdrawsItsPendingRequest() throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            try (SocketChannel ch = connect(home.brokerSocket())) {
                ch.write(ByteBuffer.wrap((VALID + "\n").getBytes(StandardCharsets.UTF_8)));
                BrokerIntegrationTest.awaitPending(broker.pending, 1);
            }
            for (int i = 0; i < 100 && !broker.pending.snapshot().isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertThat(broker.pending.snapshot()).isEmpty();
            assertThat(Files.readString(home.auditLog())).contains("the requester went away");
        }
    }

    @Test
    void aSecondLiveConsoleIsRefusedAndAStaleSocketReplaced() throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker first = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5)))
                    .hasMessageContaining("another ClawGuard console is already running");
        }
        // A socket file nobody listens on, as a killed console leaves behind.
        java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(home.brokerSocket())).close();
        assertThat(home.brokerSocket()).exists();
        try (RunningBroker replacing = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home.brokerSocket()))).isEqualTo("rw-------");
            try (SocketChannel ch = connect(home.brokerSocket())) {
                assertThat(ch.isConnected()).isTrue();
            }
        }
    }

    @Test
    void killingTheConsoleMakesEveryWaitingExecRefuseWithinASecond() throws Exception {
        StateHome home = TestHomes.under(root);
        Path cwd = Files.createDirectories(root.resolve("work"));
        Process console = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), BrokerProcess.class.getName(), home.dir().toString())
                .redirectErrorStream(true).start();
        BufferedReader consoleOut = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
        assertThat(consoleOut.readLine()).isEqualTo("ready");
        List<Process> waiting = new ArrayList<>();
        List<Path> markers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path marker = root.resolve("ran-" + i);
            markers.add(marker);
            waiting.add(CliProcess.start(cwd, Map.of(), "exec", "--home", home.dir().toString(), "--reason", "kill test",
                    "--", "/usr/bin/touch", marker.toString()));
        }
        for (int i = 0; i < 400 && requested(home) < 5; i++) {
            Thread.sleep(50);
        }
        assertThat(requested(home)).isEqualTo(5);
        console.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        for (Process p : waiting) {
            CliProcess.Result r = CliProcess.collect(p, "exec");
            assertThat(r.exitCode()).isEqualTo(10);
            assertThat(r.stderr()).contains("the console went away before deciding; nothing ran");
        }
        double seconds = (System.nanoTime() - killedAt) / 1e9;
        assertThat(seconds).as("all refused within a second of the kill").isLessThan(1.0);
        assertThat(markers).allMatch(m -> !Files.exists(m));
    }

    private static long requested(StateHome home) throws Exception {
        if (!Files.exists(home.auditLog())) {
            return 0;
        }
        return Files.readAllLines(home.auditLog()).stream().filter(l -> l.contains("\"approval_requested\"")).count();
    }

    private static SocketChannel connect(Path socket) throws Exception {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return ch;
    }

    private static Map<String, Object> exchange(Path socket, String wire) throws Exception {
        try (SocketChannel ch = connect(socket)) {
            ch.write(ByteBuffer.wrap(wire.getBytes(StandardCharsets.UTF_8)));
            return readReply(ch);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readReply(SocketChannel ch) throws Exception {
        String line = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8))
                .readLine();
        return (Map<String, Object>) JsonValues.parse(line);
    }
}
