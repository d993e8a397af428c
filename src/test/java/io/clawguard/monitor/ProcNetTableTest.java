package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The /proc/net socket tables, parsed from samples captured on a little-endian x86-64 host
 * (kernel 6.18) that held: TCP listeners on 0.0.0.0, 127.0.0.1, :: and ::1; established pairs
 * over 127.0.0.1 and ::1; an IPv4 client accepted by a dual-stack listener (v4-mapped);
 * a connection still in the listen backlog (inode 0); TIME_WAIT, FIN_WAIT2 and CLOSE_WAIT;
 * UDP sockets bound and connected, IPv4 and IPv6.
 */
class ProcNetTableTest {
    private static Path sample(String name) throws URISyntaxException {
        return Path.of(ProcNetTableTest.class.getResource("/proc/net/" + name).toURI());
    }

    /** Each row as text: local, remote, state (hex), uid, inode. */
    private static List<String> rows(Path file, ByteOrder order) throws IOException {
        List<String> out = new ArrayList<>();
        new ProcNetTable().read(file, Protocol.TCP, order, row -> out.add(Addresses.endpoint(row.local(), row.localPort()) + " "
                + Addresses.endpoint(row.remote(), row.remotePort()) + " " + Integer.toHexString(row.state()) + " "
                + row.uid() + " " + row.inode()));
        return out;
    }

    @Test
    void readsEveryTcpRowWithItsStateAndInode() throws Exception {
        assertThat(rows(sample("tcp"), ByteOrder.LITTLE_ENDIAN)).containsExactly(
                "0.0.0.0:2024 0.0.0.0:0 a 0 1573",
                "0.0.0.0:37209 0.0.0.0:0 a 0 2154822",
                "127.0.0.1:37237 0.0.0.0:0 a 0 2154823",
                "127.0.0.1:37237 127.0.0.1:34168 1 0 2154825",
                "127.0.0.1:35716 127.0.0.1:37209 1 0 2154830",
                "127.0.0.1:37610 127.0.0.1:43193 1 0 2154835",
                "127.0.0.1:37237 127.0.0.1:34186 8 0 2154829",
                "127.0.0.1:37209 127.0.0.1:35716 1 0 0",
                "127.0.0.1:34168 127.0.0.1:37237 1 0 2154824",
                "127.0.0.1:34178 127.0.0.1:37237 6 0 0",
                "127.0.0.1:34186 127.0.0.1:37237 5 0 0");
    }

    @Test
    void readsIpv6RowsWordByWordAndV4MappedAddressesAsTheIpv4AddressTheyCarry() throws Exception {
        assertThat(rows(sample("tcp6"), ByteOrder.LITTLE_ENDIAN)).containsExactly(
                "[::1]:46303 [::]:0 a 0 2154832",
                "[::]:43193 [::]:0 a 0 2154831",
                "[::1]:46303 [::1]:59532 1 0 2154834",
                "[::1]:59532 [::1]:46303 1 0 2154833",
                "127.0.0.1:43193 127.0.0.1:37610 1 0 2154836");
    }

    @Test
    void readsUdpTablesWhoseRowsCarryMoreColumns() throws Exception {
        assertThat(rows(sample("udp"), ByteOrder.LITTLE_ENDIAN)).containsExactly(
                "192.0.2.2:38441 10.1.2.3:5353 1 0 2154839",
                "0.0.0.0:39813 0.0.0.0:0 7 0 2154837",
                "127.0.0.1:58225 127.0.0.1:53 1 0 2154838");
        assertThat(rows(sample("udp6"), ByteOrder.LITTLE_ENDIAN)).containsExactly(
                "[::]:48589 [::]:0 7 0 2154840",
                "[fd00::2]:34663 [2001:db8::1234]:443 1 0 2154841");
    }

    @Test
    void aBigEndianHostWritesAddressesInNetworkOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tcp");
        Files.writeString(file, "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 7F000001:0016 0A000002:D431 01 00000000:00000000 00:00000000 00000000  1000        0 77 1 0\n");
        assertThat(rows(file, ByteOrder.BIG_ENDIAN)).containsExactly("127.0.0.1:22 10.0.0.2:54321 1 1000 77");
    }

    @Test
    void rowsLongerThanTheBufferAndALastLineWithoutNewlineAreRead(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder("  sl  local_address rem_address   st\n");
        int rows = 5_000;
        for (int i = 0; i < rows; i++) {
            text.append(String.format("%4d: 0100007F:%04X 0100007F:0050 01 00000000:00000000 00:00000000 00000000"
                    + "     0        0 %d 1 0%s%n", i, 1024 + i, 100 + i, " ".repeat(i % 97)));
        }
        text.setLength(text.length() - 1);
        Path file = dir.resolve("tcp");
        Files.writeString(file, text);
        List<String> read = rows(file, ByteOrder.LITTLE_ENDIAN);
        assertThat(read).hasSize(rows);
        assertThat(read.get(rows - 1)).isEqualTo("127.0.0.1:" + (1024 + rows - 1) + " 127.0.0.1:80 1 0 " + (100 + rows - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no colon after the address       |   0: 0100007F 00000000:0000 0A 0 0 0 0 0 1573",
        "odd address length               |   0: 0100007:0016 00000000:0000 0A 0 0 0 0 0 1573",
        "not hex                          |   0: 0100007G:0016 00000000:0000 0A 0 0 0 0 0 1573",
        "local IPv4 remote IPv6           |   0: 0100007F:0016 00000000000000000000000000000000:0000 0A 0 0 0 0 0 9",
        "port too long                    |   0: 0100007F:00016 00000000:0000 0A 0 0 0 0 0 1573",
        "missing inode                    |   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 0 0",
        "inode not a number               |   0: 0100007F:0016 00000000:0000 0A 0:0 0:0 0 0 0 12x4",
    })
    void aRowThatDoesNotReadIsAnErrorNamingTheFileAndLine(String why, String line, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("tcp");
        Files.write(file, ("  sl  local_address\n" + line + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> rows(file, ByteOrder.LITTLE_ENDIAN))
                .as(why).isInstanceOf(IOException.class).hasMessageContaining(file + " line 2");
    }

    @Test
    void aTableWithOnlyItsHeaderHasNoRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("udp6");
        Files.writeString(file, "  sl  local_address                         remote_address   st\n");
        assertThat(rows(file, ByteOrder.LITTLE_ENDIAN)).isEmpty();
    }
}
