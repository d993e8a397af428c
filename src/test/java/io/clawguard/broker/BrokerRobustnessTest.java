package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.audit.AuditSegments;
import io.clawguard.audit.AuditVerifier;
import io.clawguard.approval.ExitCode;
import io.clawguard.files.StateHome;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.TestHomes;
import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

/** Garbage on the agent socket, a dying broker: the broker stays up and nothing runs unapproved. */
class BrokerRobustnessTest {
    private static final String VALID = "{\"v\":1,\"type\":\"request\",\"argv\":[\"/usr/bin/id\"],\"reason\":\"r\"}";

    @TempDir
    Path root;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("garbage", frame('R', "hello broker"), "malformed JSON"),
                Arguments.of("not an object", frame('R', "[1,2,3]"), "must be a JSON object"),
                Arguments.of("no version", frame('R', "{\"type\":\"request\"}"), "unsupported protocol version"),
                Arguments.of("another message type", frame('R', "{\"v\":1,\"type\":\"decide\",\"id\":1}"),
                        "expected a request"),
                Arguments.of("a working folder claimed in the message", frame('R', VALID.replace("}", ",\"cwd\":\"/etc\"}")),
                        "unknown field \"cwd\""),
                Arguments.of("an approval claimed in the message", frame('R', VALID.replace("}", ",\"approved\":true}")),
                        "unknown field \"approved\""),
                Arguments.of("a loader variable smuggled in env",
                        frame('R', VALID.replace("}", ",\"env\":{\"LD_PRELOAD\":\"/tmp/x.so\"}}")), "may not carry LD_PRELOAD"),
                Arguments.of("argv of the wrong type", frame('R', VALID.replace("[\"/usr/bin/id\"]", "\"/usr/bin/id\"")),
                        "\"argv\" must be a non-empty array of strings"),
                Arguments.of("flag of the wrong type", frame('R', VALID.replace("}", ",\"use_sudo\":\"yes\"}")),
                        "\"use_sudo\" must be true or false"),
                Arguments.of("an absurd idle timeout", frame('R', VALID.replace("}", ",\"timeout_minutes\":99999999999}")),
                        "\"timeout_minutes\" must be between 1 and 1440"),
                Arguments.of("input before a request", frame('I', "abc"), "the first frame must be a request"),
                Arguments.of("a frame longer than the limit", oversized(), "frame of 1048576 bytes"),
                Arguments.of("a torn frame", new byte[] {'R', 0, 0, 1, 0, '{'}, "ended inside a frame"));
    }

    private static byte[] frame(char type, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[5 + p.length];
        out[0] = (byte) type;
        out[1] = (byte) (p.length >>> 24);
        out[2] = (byte) (p.length >>> 16);
        out[3] = (byte) (p.length >>> 8);
        out[4] = (byte) p.length;
        System.arraycopy(p, 0, out, 5, p.length);
        return out;
    }

    private static byte[] oversized() {
        return new byte[] {'R', 0, 0x10, 0, 0};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsExitTwoAndTheBrokerStaysUp(String name, byte[] wire, String error) throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            Frame reply = exchange(home.agentSocket(), wire);
            assertThat(reply.type()).isEqualTo(Frame.EXIT);
            assertThat(reply.number()).isEqualTo(2);
            assertThat(reply.exitMessage()).contains(error);
            assertThat(broker.broker.pending().snapshot()).isEmpty();
            Frame next = exchange(home.agentSocket(), frame('R', "[]"));
            assertThat(next.exitMessage()).as("still serving").contains("must be a JSON object");
        }
    }

    @Test
    void anArgumentTheFileSystemCannotNameIsRefusedAndRecordedNotDropped() throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            // A lone surrogate: valid JSON, a valid Java string, and no path at all.
            Frame reply = exchange(home.agentSocket(), frame('R',
                    "{\"v\":1,\"type\":\"request\",\"argv\":[\"/usr/bin/\\ud800\"],\"reason\":\"r\"}"));
            assertThat(reply).as("answered, not hung up on").isNotNull();
            assertThat(reply.number()).isEqualTo(8);
            assertThat(reply.exitMessage()).contains("invalid command");
            assertThat(Files.readString(home.auditLog())).contains("\"command_invalid\"");
        }
    }

    @Test
    void aRequesterThatSpeaksOutOfTurnWithdrawsItsPendingRequest() throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5));
             SocketChannel ch = connect(home.agentSocket())) {
            FrameStream frames = new FrameStream(Channels.newInputStream(ch), Channels.newOutputStream(ch));
            frames.write(new Frame(Frame.REQUEST, VALID.getBytes(StandardCharsets.UTF_8)));
            broker.awaitPending(1);
            frames.write(Frame.text(Frame.STDIN, "typed ahead of the approval"));
            Frame f = frames.read();
            while (f.type() == Frame.NOTICE) {
                f = frames.read();
            }
            assertThat(f.type()).isEqualTo(Frame.EXIT);
            assertThat(f.number()).isEqualTo(1);
            assertThat(f.exitMessage()).contains("the requester went away");
            assertThat(broker.broker.pending().snapshot()).isEmpty();
        }
    }

    @Test
    void aFloodOfConnectionsFromOneUidIsCappedAndTheRestAreServed() throws Exception {
        StateHome home = TestHomes.under(root);
        int extra = 40;
        List<SocketChannel> flood = new ArrayList<>();
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            for (int i = 0; i < io.clawguard.policy.GuardConfig.DEFAULT_MAX_PENDING_PER_UID + extra; i++) {
                SocketChannel ch = connect(home.agentSocket());
                ch.configureBlocking(false);
                flood.add(ch);
            }
            // Whichever connections came last to the broker, exactly those past the cap are told at once;
            // the others hold their slots, waiting for a request.
            List<String> refusals = new ArrayList<>();
            for (int round = 0; round < 250 && refusals.size() < extra; round++) {
                Thread.sleep(20);
                for (SocketChannel ch : flood) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(512);
                    if (ch.isOpen() && ch.read(b) > 0) {
                        refusals.add(new String(b.array(), 5, b.position() - 5, StandardCharsets.UTF_8));
                        ch.close();
                    }
                }
            }
            assertThat(refusals).hasSize(extra).allMatch(r -> r.contains("already has " + io.clawguard.policy.GuardConfig.DEFAULT_MAX_PENDING_PER_UID
                    + " requests open at once (max_pending_per_uid)"));
            long records = Files.readAllLines(home.auditLog()).stream().filter(l -> l.contains("peer_overloaded")).count();
            assertThat(records).as("a flood is recorded, not written line by line").isEqualTo(1);
            for (SocketChannel ch : flood) {
                ch.close();
            }
            Frame served = null;
            for (int i = 0; i < 100; i++) {
                served = exchange(home.agentSocket(), frame('R', "[]"));
                if (served.exitMessage().contains("must be a JSON object")) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(served.exitMessage()).as("served again once the flood is gone").contains("must be a JSON object");
        } finally {
            for (SocketChannel ch : flood) {
                ch.close();
            }
        }
    }

    @Test
    void theAdminsLimitsHoldAnAgentToFewerOpenRequestsAndStopAllWorkBeforeTheDiskIsFull() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.config(), "{\"max_pending_per_uid\": 2}");
        List<SocketChannel> open = new ArrayList<>();
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            for (int i = 0; i < 2; i++) {
                SocketChannel ch = connect(home.agentSocket());
                new FrameStream(Channels.newInputStream(ch), Channels.newOutputStream(ch))
                        .write(new Frame(Frame.REQUEST, VALID.getBytes(StandardCharsets.UTF_8)));
                open.add(ch);
            }
            broker.awaitPending(2);
            Frame third = exchange(home.agentSocket(), frame('R', VALID));
            assertThat(third.exitMessage()).contains("already has 2 requests open at once (max_pending_per_uid)");
        } finally {
            for (SocketChannel ch : open) {
                ch.close();
            }
        }
        TestHomes.write(home.config(), "{\"min_free_mb\": 9999999}");
        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            Frame refused = exchange(home.agentSocket(), frame('R', VALID));
            assertThat(refused.number()).isEqualTo(1);
            assertThat(refused.exitMessage()).contains("MB free, below min_free_mb 9999999");
            exchange(home.agentSocket(), frame('R', VALID));
            long records = Files.readAllLines(home.auditLog()).stream().filter(l -> l.contains("disk_low_refused")).count();
            assertThat(records).as("recorded once for the burst").isEqualTo(1);
        }
    }

    @Test
    void withRecordsCutOffTheLogTheBrokerStaysUpToSayWhyAndRefusesEveryRequest() throws Exception {
        StateHome home = TestHomes.under(root);
        for (int i = 0; i < 2; i++) {
            new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5)).close();
        }
        List<String> lines = Files.readAllLines(home.auditLog());
        Files.write(home.auditLog(), lines.subList(0, lines.size() - 2));

        try (RunningBroker broker = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            Frame refused = exchange(home.agentSocket(), frame('R', VALID));
            assertThat(refused.number()).isEqualTo(ExitCode.DENIED);
            assertThat(refused.exitMessage()).contains("records at the end were deleted");
        }
        assertThat(Files.readAllLines(AuditSegments.file(home.auditLog(), 1))).as("the cut log set aside as it was")
                .hasSize(lines.size() - 2);
        assertThat(Files.readAllLines(home.auditLog()).get(0)).contains("\"action\":\"audit_chain_broken\"");
        assertThat(AuditVerifier.verify(home.auditLog()).problem()).as("nothing chained over the cut")
                .contains("starts at seq");

        try (RunningBroker restarted = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            Frame refused = exchange(home.agentSocket(), frame('R', VALID));
            assertThat(refused.number()).as("the head agrees again, but the checkpoint walk finds the cut")
                    .isEqualTo(ExitCode.DENIED);
        }
    }

    @Test
    void aSecondLiveBrokerIsRefusedAndAStaleSocketReplaced() throws Exception {
        StateHome home = TestHomes.under(root);
        try (RunningBroker first = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            assertThatThrownBy(() -> new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5)))
                    .hasMessageContaining("a ClawGuard broker already answers on");
        }
        // A socket file nobody listens on, as a killed broker leaves behind.
        java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(home.agentSocket())).close();
        assertThat(home.agentSocket()).exists();
        try (RunningBroker replacing = new RunningBroker(home, Clock.systemUTC(), Duration.ofMinutes(5))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.agentSocket())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.adminSocket())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void killingTheBrokerMakesEveryWaitingExecRefuseWithinASecond() throws Exception {
        StateHome home = TestHomes.under(root);
        Path cwd = Files.createDirectories(root.resolve("work"));
        Process brokerProcess = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), BrokerProcess.class.getName(), home.dir().toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(brokerProcess.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
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
        brokerProcess.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        for (Process p : waiting) {
            CliProcess.Result r = CliProcess.collect(p, "exec");
            assertThat(r.exitCode()).isEqualTo(10);
            assertThat(r.stderr()).contains("the broker went away before deciding; nothing ran");
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

    /** Sends raw bytes, returns the first frame that is not a notice. */
    private static Frame exchange(Path socket, byte[] wire) throws Exception {
        try (SocketChannel ch = connect(socket)) {
            try {
                DataOutputStream o = new DataOutputStream(Channels.newOutputStream(ch));
                o.write(wire);
                o.flush();
                ch.shutdownOutput();
            } catch (java.io.IOException refusedAtConnect) {
                // A peer refused on sight is answered and closed before its request is read; the answer is still there.
            }
            FrameStream frames = new FrameStream(Channels.newInputStream(ch), Channels.newOutputStream(ch));
            Frame f = frames.read();
            while (f != null && f.type() == Frame.NOTICE) {
                f = frames.read();
            }
            return f;
        }
    }
}
