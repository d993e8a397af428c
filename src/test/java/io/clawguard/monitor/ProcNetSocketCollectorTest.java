package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector over the captured /proc/net samples (see {@link ProcNetTableTest}) and processes in memory. */
class ProcNetSocketCollectorTest {
    private static final String UDP_CONNECTED_OUT = "   0: 020200C0:9629 0302010A:14E9 01 00000000:00000000 00:00000000"
            + " 00000000     0        0 2154839 2 0 0\n";

    @TempDir
    Path dir;
    Path net;
    FakeProcesses processes;

    @BeforeEach
    void setUp() throws Exception {
        net = Files.createDirectories(dir.resolve("net"));
        for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
            Files.copy(Path.of(getClass().getResource("/proc/net/" + table).toURI()), net.resolve(table));
        }
        Files.writeString(net.resolve("if_inet6"), "00000000000000000000000000000001 01 80 10 80       lo\n");
        Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nagent:x:1200:1200::/home/agent:/bin/sh\n");
        processes = new FakeProcesses().process(100, "process_api", 1573).process(200, "python3",
                IntStream.of(22, 23, 24, 25, 30, 35, 31, 32, 33, 34, 36, 37, 38, 39, 40, 41)
                        .mapToLong(i -> 2154800 + i).toArray());
    }

    private ProcNetSocketCollector collector(Set<OwnerLookup> lookup) {
        return new ProcNetSocketCollector(net, processes, new PasswdNames(dir.resolve("passwd")), ByteOrder.LITTLE_ENDIAN,
                Clock.fixed(Sockets.T0, ZoneOffset.UTC), lookup);
    }

    private ProcNetSocketCollector collector() {
        return collector(EnumSet.allOf(OwnerLookup.class));
    }

    @Test
    void listenersAreTcpInListenAndUdpWithoutPeerAndConnectionsAreEstablishedTcpAndConnectedUdp() throws Exception {
        SocketSnapshot snap = collector().collect();
        assertThat(snap.listening()).extracting(ListeningSocket::key).containsExactly("tcp 0.0.0.0:2024",
                "tcp 0.0.0.0:37209", "tcp 127.0.0.1:37237", "tcp [::1]:46303", "tcp [::]:43193", "udp 0.0.0.0:39813",
                "udp [::]:48589");
        assertThat(snap.connections()).extracting(c -> c.protocol().wire() + " " + Addresses.endpoint(c.local(),
                c.localPort()) + " > " + Addresses.endpoint(c.remote(), c.remotePort())).containsExactly(
                "tcp 127.0.0.1:37237 > 127.0.0.1:34168", "tcp 127.0.0.1:35716 > 127.0.0.1:37209",
                "tcp 127.0.0.1:37610 > 127.0.0.1:43193", "tcp 127.0.0.1:37209 > 127.0.0.1:35716",
                "tcp 127.0.0.1:34168 > 127.0.0.1:37237", "tcp [::1]:46303 > [::1]:59532",
                "tcp [::1]:59532 > [::1]:46303", "tcp 127.0.0.1:43193 > 127.0.0.1:37610",
                "udp 192.0.2.2:38441 > 10.1.2.3:5353", "udp 127.0.0.1:58225 > 127.0.0.1:53",
                "udp [fd00::2]:34663 > [2001:db8::1234]:443");
        assertThat(snap.at()).isEqualTo(Sockets.T0);
    }

    @Test
    void listenersAndConnectionsBeyondLoopbackAreNamedWithTheirProcess() throws Exception {
        SocketSnapshot snap = collector().collect();
        assertThat(snap.listening()).extracting(s -> s.port() + " " + s.pid() + " " + s.process() + " " + s.user())
                .startsWith("2024 100 process_api uid 1100", "37209 200 python3 agent");
        assertThat(snap.connections()).filteredOn(c -> !Connection.hostInternal(c.remote()))
                .extracting(c -> c.pid() + " " + c.process()).containsOnly("200 python3");
        assertThat(snap.connections()).filteredOn(c -> Connection.hostInternal(c.remote()))
                .extracting(c -> c.pid() + " " + c.process() + " " + c.user()).containsOnly("-1 ? root");
    }

    @Test
    void aRescanOfUnchangedTablesHandsOnTheSameObjectsAndReadsNoFileDescriptors() throws Exception {
        ProcNetSocketCollector collector = collector();
        SocketSnapshot first = collector.collect();
        processes.listed.clear();
        SocketSnapshot second = collector.collect();
        for (int i = 0; i < first.listening().size(); i++) {
            assertThat(second.listening().get(i)).isSameAs(first.listening().get(i));
        }
        for (int i = 0; i < first.connections().size(); i++) {
            // The one in the listen backlog has no inode yet, nothing to know it by: it is built each scan.
            boolean backlog = first.connections().get(i).localPort() == 37209;
            assertThat(second.connections().get(i) == first.connections().get(i)).isEqualTo(!backlog);
        }
        assertThat(processes.listed).isEmpty();
    }

    @Test
    void aSocketWhosePeerChangedIsBuiltAfreshTheOthersAreKept() throws Exception {
        ProcNetSocketCollector collector = collector();
        SocketSnapshot first = collector.collect();
        String udp = Files.readString(net.resolve("udp"));
        Files.writeString(net.resolve("udp"), udp.replace("0302010A:14E9", "0402010A:0035"));
        SocketSnapshot second = collector.collect();
        assertThat(second.connections()).filteredOn(c -> c.protocol() == Protocol.UDP && c.localPort() == 38441)
                .singleElement().satisfies(c -> assertThat(Addresses.endpoint(c.remote(), c.remotePort()))
                        .isEqualTo("10.1.2.4:53"));
        assertThat(second.connections().get(0)).isSameAs(first.connections().get(0));
    }

    @Test
    void aProcessThatRenamedItselfIsShownByItsNewName() throws Exception {
        ProcNetSocketCollector collector = collector();
        collector.collect();
        processes.names.put(200, "not-python");
        assertThat(collector.collect().listening()).extracting(ListeningSocket::process).contains("not-python")
                .doesNotContain("python3");
    }

    @Test
    void aSocketThatClosedIsGoneFromTheNextScan() throws Exception {
        ProcNetSocketCollector collector = collector();
        collector.collect();
        Files.writeString(net.resolve("udp"), Files.readString(net.resolve("udp")).lines().limit(1)
                .map(header -> header + "\n" + UDP_CONNECTED_OUT).findFirst().orElseThrow());
        SocketSnapshot next = collector.collect();
        assertThat(next.listening()).extracting(ListeningSocket::key).doesNotContain("udp 0.0.0.0:39813");
        assertThat(next.connections()).filteredOn(c -> c.protocol() == Protocol.UDP && c.local().getAddress().length == 4)
                .hasSize(1);
    }

    @Test
    void aTableThatCannotBeReadIsAnErrorNotAnEmptyHost() throws Exception {
        Files.delete(net.resolve("tcp"));
        assertThatThrownBy(() -> collector().collect()).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read " + net.resolve("tcp"));
    }

    @Test
    void theIpv6TablesMayBeAbsentOnlyOnAKernelWithoutIpv6() throws Exception {
        Files.delete(net.resolve("udp6"));
        assertThatThrownBy(() -> collector().collect()).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot read " + net.resolve("udp6"));
        Files.delete(net.resolve("tcp6"));
        Files.delete(net.resolve("if_inet6"));
        assertThat(collector().collect().listening()).extracting(ListeningSocket::key).doesNotContain("tcp [::]:43193");
    }
}
