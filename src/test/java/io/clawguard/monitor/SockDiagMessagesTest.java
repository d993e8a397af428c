package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sock_diag messages against a capture from this x86-64 host (kernel 6.18): the requests were
 * built by a separate script from {@code linux/inet_diag.h} and answered by the kernel, which
 * held a TCP listener on 0.0.0.0 and on ::, a TCP pair over the host's own 192.0.2.2, a TCP pair
 * over 127.0.0.1, another over v4-mapped 127.0.0.1, UDP to 10.1.2.3:5353 and UDP over ::1:
 * the filter left out everything over loopback.
 */
class SockDiagMessagesTest {
    private static final int LISTEN_OR_ESTABLISHED = 1 << 1 | 1 << 10;

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of(SockDiagMessagesTest.class.getResource("/sock_diag/" + name).toURI()));
    }

    private static List<String> rows(byte[] reply, int sequence, Protocol protocol, boolean[] done) throws IOException {
        List<String> out = new ArrayList<>();
        done[0] = SockDiagMessages.readReply(reply, reply.length, sequence, protocol, new SocketRow(), row -> out.add(
                row.protocol.wire() + " " + Addresses.endpoint(row.local(), row.localPort()) + " > "
                        + Addresses.endpoint(row.remote(), row.remotePort()) + " " + row.state() + " " + row.inode()));
        return out;
    }

    @ParameterizedTest
    @CsvSource({"tcp4, 1, 2, 6, 1026", "tcp6, 2, 10, 6, 1026", "udp4, 3, 2, 17, -1", "udp6, 4, 10, 17, -1"})
    void aDumpRequestIsByteForByteTheOneTheKernelAnswered(String name, int sequence, int family, int protocol,
                                                          int states) throws Exception {
        assertThat(SockDiagMessages.dumpRequest(sequence, family, protocol, states, true))
                .isEqualTo(sample(name + "-request.bin"));
    }

    @Test
    void aReplyGivesEachSocketAndEndsWithDone() throws Exception {
        boolean[] done = {false};
        assertThat(rows(sample("tcp4-reply.bin"), 1, Protocol.TCP, done)).containsExactly(
                "tcp 0.0.0.0:2024 > 0.0.0.0:0 10 1573", "tcp 0.0.0.0:38623 > 0.0.0.0:0 10 3070227",
                "tcp 192.0.2.2:38623 > 192.0.2.2:52316 1 3070229", "tcp 192.0.2.2:52316 > 192.0.2.2:38623 1 3070228");
        assertThat(done[0]).isTrue();
        assertThat(rows(sample("tcp6-reply.bin"), 2, Protocol.TCP, done)).containsExactly("tcp [::]:41459 > [::]:0 10 3070232");
        assertThat(rows(sample("udp4-reply.bin"), 3, Protocol.UDP, done))
                .containsExactly("udp 192.0.2.2:44008 > 10.1.2.3:5353 1 3070235");
        assertThat(rows(sample("udp6-reply.bin"), 4, Protocol.UDP, done)).isEmpty();
        assertThat(done[0]).isTrue();
    }

    @Test
    void aReplyCutBeforeItsEndAsksForMore() throws Exception {
        byte[] reply = sample("tcp4-reply.bin");
        boolean[] done = {true};
        assertThat(rows(Arrays.copyOf(reply, 124 * 2), 1, Protocol.TCP, done)).hasSize(2);
        assertThat(done[0]).isFalse();
    }

    @Test
    void messagesOfAnotherRequestAreNotTaken() throws Exception {
        boolean[] done = {true};
        assertThat(rows(sample("tcp4-reply.bin"), 7, Protocol.TCP, done)).isEmpty();
        assertThat(done[0]).isFalse();
    }

    @Test
    void anErrorFromTheKernelIsAnError() {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        b.putInt(36).putShort((short) 2).putShort((short) 0).putInt(5).putInt(0).putInt(-22);
        assertThatThrownBy(() -> rows(b.array(), 5, Protocol.TCP, new boolean[1])).isInstanceOf(IOException.class)
                .hasMessageContaining("errno 22");
    }

    @Test
    void aMessageLongerThanTheReplyIsAnError() throws Exception {
        byte[] reply = Arrays.copyOf(sample("tcp4-reply.bin"), 100);
        assertThatThrownBy(() -> rows(reply, 1, Protocol.TCP, new boolean[1])).isInstanceOf(IOException.class)
                .hasMessageContaining("124 bytes");
    }
}
