package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
class LinuxSocketCollectorTest {
    /** Two TCP connections to outside peers: one accepted (inode 2154900), one still in the backlog (no inode). */
    private static final String TCP_OUTSIDE = """
              11: 0100007F:9159 0302010A:D431 01 00000000:00000000 00:00000000 00000000  1200        0 2154900 1 0
              12: 020200C0:9159 0402010A:D432 01 00000000:00000000 00:00000000 00000000     0        0 0 1 0
            """;

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
        Files.writeString(net.resolve("tcp"), TCP_OUTSIDE, StandardOpenOption.APPEND);
        Files.writeString(net.resolve("if_inet6"), "00000000000000000000000000000001 01 80 10 80       lo\n");
        Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nagent:x:1200:1200::/home/agent:/bin/sh\n");
        processes = new FakeProcesses().process(100, "process_api", 1573).process(200, "python3",
                IntStream.of(22, 23, 24, 25, 30, 35, 31, 32, 33, 34, 36, 37, 38, 39, 40, 41, 100)
                        .mapToLong(i -> 2154800 + i).toArray());
    }

    private LinuxSocketCollector collector(Set<OwnerLookup> lookup) {
        return new LinuxSocketCollector(new ProcNetTables(net, ByteOrder.LITTLE_ENDIAN), processes,
                new PasswdNames(dir.resolve("passwd")), Clock.fixed(Sockets.T0, ZoneOffset.UTC), lookup);
    }

    private LinuxSocketCollector collector() {
        return collector(EnumSet.allOf(OwnerLookup.class));
    }

    private static List<String> endpoints(SocketSnapshot snap) {
        return snap.connections().stream().map(c -> c.protocol().wire() + " " + Addresses.endpoint(c.local(),
                c.localPort()) + " > " + Addresses.endpoint(c.remote(), c.remotePort())).toList();
    }

    @Test
    void listenersAreTcpInListenAndUdpWithoutPeerAndConnectionsAreEstablishedTcpAndConnectedUdp() throws Exception {
        SocketSnapshot snap = collector().collect();
        assertThat(snap.listening()).extracting(ListeningSocket::key).containsExactly("tcp 0.0.0.0:2024",
                "tcp 0.0.0.0:37209", "tcp 127.0.0.1:37237", "tcp [::1]:46303", "tcp [::]:43193", "udp 0.0.0.0:39813",
                "udp [::]:48589");
        assertThat(endpoints(snap)).containsExactly("tcp 127.0.0.1:37209 > 10.1.2.3:54321",
                "tcp 192.0.2.2:37209 > 10.1.2.4:54322", "udp 192.0.2.2:38441 > 10.1.2.3:5353",
                "udp [fd00::2]:34663 > [2001:db8::1234]:443");
        assertThat(snap.at()).isEqualTo(Sockets.T0);
    }

    /** The samples' TCP pairs over 127.0.0.1, ::1 and v4-mapped 127.0.0.1, and UDP to 127.0.0.1:53. */
    @Test
    void connectionsWithinTheHostAreLeftOut() throws Exception {
        assertThat(endpoints(collector().collect())).noneMatch(e -> e.contains("> 127.") || e.contains("> [::1]"));
    }

    @Test
    void socketsAreNamedWithTheirProcessAndAConnectionStillInTheBacklogWithTheUserItBelongsTo() throws Exception {
        SocketSnapshot snap = collector().collect();
        assertThat(snap.listening()).extracting(s -> s.port() + " " + s.pid() + " " + s.process() + " " + s.user())
                .startsWith("2024 100 process_api uid 1100", "37209 200 python3 agent");
        assertThat(snap.connections()).extracting(c -> c.pid() + " " + c.process() + " " + c.user())
                .containsExactly("200 python3 agent", "-1 ? root", "200 python3 agent", "200 python3 agent");
    }

    @Test
    void aReportLooksUpOnlyTheOwnersItPrints() throws Exception {
        SocketSnapshot egress = collector(EnumSet.of(OwnerLookup.CONNECTIONS)).collect();
        assertThat(egress.listening()).extracting(ListeningSocket::pid).containsOnly(-1L);
        assertThat(egress.listening()).extracting(ListeningSocket::user).containsOnly("root");
        assertThat(egress.connections()).extracting(Connection::pid).contains(200L);
        SocketSnapshot ports = collector(EnumSet.of(OwnerLookup.LISTENERS)).collect();
        assertThat(ports.connections()).extracting(Connection::pid).containsOnly(-1L);
        assertThat(ports.connections()).extracting(Connection::user).contains("agent");
    }

    @Test
    void aRescanOfUnchangedTablesHandsOnTheSameObjectsAndReadsNoFileDescriptors() throws Exception {
        LinuxSocketCollector collector = collector();
        SocketSnapshot first = collector.collect();
        processes.listed.clear();
        SocketSnapshot second = collector.collect();
        for (int i = 0; i < first.listening().size(); i++) {
            assertThat(second.listening().get(i)).isSameAs(first.listening().get(i));
        }
        for (int i = 0; i < first.connections().size(); i++) {
            // The one in the listen backlog has no inode yet, nothing to know it by: it is built each scan.
            boolean backlog = first.connections().get(i).localPort() == 37209 && first.connections().get(i).pid() < 0;
            assertThat(second.connections().get(i) == first.connections().get(i)).isEqualTo(!backlog);
        }
        assertThat(processes.listed).isEmpty();
    }

    @Test
    void aSocketWhosePeerChangedIsBuiltAfreshTheOthersAreKept() throws Exception {
        LinuxSocketCollector collector = collector();
        SocketSnapshot first = collector.collect();
        Files.writeString(net.resolve("udp"), Files.readString(net.resolve("udp")).replace("0302010A:14E9", "0402010A:0035"));
        SocketSnapshot second = collector.collect();
        assertThat(endpoints(second)).contains("udp 192.0.2.2:38441 > 10.1.2.4:53");
        assertThat(second.connections().get(0)).isSameAs(first.connections().get(0));
    }

    @Test
    void aProcessThatRenamedItselfIsShownByItsNewName() throws Exception {
        LinuxSocketCollector collector = collector();
        collector.collect();
        processes.names.put(200, "not-python");
        assertThat(collector.collect().listening()).extracting(ListeningSocket::process).contains("not-python")
                .doesNotContain("python3");
    }

    @Test
    void aSocketThatClosedIsGoneFromTheNextScan() throws Exception {
        LinuxSocketCollector collector = collector();
        collector.collect();
        Files.writeString(net.resolve("udp"), Files.readString(net.resolve("udp")).lines()
                .filter(l -> !l.contains(":9B85 ")).map(l -> l + "\n").reduce("", String::concat));
        assertThat(collector.collect().listening()).extracting(ListeningSocket::key).doesNotContain("udp 0.0.0.0:39813");
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
