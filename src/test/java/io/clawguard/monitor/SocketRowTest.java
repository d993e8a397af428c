package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule a scan applies on raw addresses agrees with the one the monitors apply on addresses. */
class SocketRowTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "0.0.0.0", "10.0.0.1", "126.255.255.255", "128.0.0.1", "::1",
        "::", "::2", "::ffff:127.0.0.1", "::ffff:0.0.0.0", "::ffff:10.0.0.1", "::ffff:0:1", "2001:db8::1",
        "::127.0.0.1", "fe80::1"})
    void aPeerInsideTheHostIsWhatConnectionCallsHostInternal(String literal) throws Exception {
        byte[] raw = InetAddress.getByName(literal).getAddress();
        if (literal.startsWith("::ffff:") && raw.length == 4) {
            raw = ByteBuffer.allocate(16).putLong(0).putInt(0xFFFF).put(raw).array();
        }
        SocketRow row = new SocketRow();
        row.ipv6 = raw.length == 16;
        ByteBuffer b = ByteBuffer.wrap(raw);
        row.remoteHigh = row.ipv6 ? b.getLong() : 0;
        row.remoteLow = row.ipv6 ? b.getLong() : b.getInt() & 0xFFFF_FFFFL;
        assertThat(row.peerInsideHost()).as(literal).isEqualTo(Connection.hostInternal(row.remote()));
    }
}
