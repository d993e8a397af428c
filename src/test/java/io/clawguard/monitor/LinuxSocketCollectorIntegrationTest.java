package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real sockets on loopback and on a non-loopback address of this machine, through /proc/net and through sock_diag. */
class LinuxSocketCollectorIntegrationTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final Path PROC = Path.of("/proc");
    private static final Path COMM = Path.of("/proc/self/comm");

    enum Source {
        PROC_NET, SOCK_DIAG;

        LinuxSocketCollector collector(Set<OwnerLookup> owners) {
            KernelSockets sockets = this == PROC_NET ? new ProcNetTables(PROC.resolve("net"), ByteOrder.nativeOrder())
                    : new SockDiag();
            return new LinuxSocketCollector(sockets, new ProcFs(PROC), new PasswdNames(Path.of("/etc/passwd")),
                    Clock.systemUTC(), owners);
        }
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return a;
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to test with");
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void findsListenersAndConnectionsOfThisProcess(Source source) throws Exception {
        InetAddress lan = nonLoopbackAddress();
        try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket exposed = new ServerSocket(0, 50, lan);
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket udpConnected = new DatagramSocket(new InetSocketAddress(lan, 0));
             Socket client = new Socket(lan, exposed.getLocalPort());
             Socket accepted = exposed.accept();
             Socket internal = new Socket(InetAddress.getLoopbackAddress(), loopback.getLocalPort());
             Socket internalAccepted = loopback.accept()) {
            udpConnected.connect(new InetSocketAddress(lan, 9));
            SocketSnapshot snap = source.collector(EnumSet.allOf(OwnerLookup.class)).collect();
            List<ListeningSocket> mine = snap.listening().stream().filter(s -> s.pid() == PID).toList();
            assertThat(mine).anySatisfy(s -> {
                assertThat(s.protocol()).isEqualTo(Protocol.TCP);
                assertThat(s.port()).isEqualTo(loopback.getLocalPort());
                assertThat(s.loopback()).isTrue();
                assertThat(s.process()).isEqualTo("java");
                assertThat(s.user()).isEqualTo(System.getProperty("user.name"));
            });
            assertThat(mine).anySatisfy(s -> {
                assertThat(s.port()).isEqualTo(exposed.getLocalPort());
                assertThat(s.bind()).isEqualTo(lan);
            });
            assertThat(mine).anySatisfy(s -> {
                assertThat(s.protocol()).isEqualTo(Protocol.UDP);
                assertThat(s.port()).isEqualTo(udp.getLocalPort());
            });
            assertThat(snap.connections()).anySatisfy(c -> {
                assertThat(c.pid()).isEqualTo(PID);
                assertThat(c.remote()).isEqualTo(lan);
                assertThat(c.remotePort()).isEqualTo(exposed.getLocalPort());
            });
            assertThat(snap.connections()).anySatisfy(c -> {
                assertThat(c.protocol()).isEqualTo(Protocol.UDP);
                assertThat(c.pid()).isEqualTo(PID);
                assertThat(c.remotePort()).isEqualTo(9);
            });
            assertThat(snap.connections()).as("connections within the host are left out")
                    .noneMatch(c -> c.localPort() == internal.getLocalPort() || c.remotePort() == internal.getLocalPort());

            List<Finding> findings = PortEvaluator.evaluate(mine, Optional.of(List.of()));
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo(Finding.Kind.PUBLIC_BIND);
                assertThat(f.summary()).contains("non-loopback address " + Addresses.text(lan));
            });
            EgressReport egress = EgressEvaluator.evaluate(snap, Optional.of(List.of()), Sockets.resolver(
                    Map.of(), Map.of()));
            assertThat(egress.inbound()).anySatisfy(c -> assertThat(c.localPort()).isEqualTo(exposed.getLocalPort()));
            assertThat(egress.outbound()).anySatisfy(c -> assertThat(c.remotePort()).isEqualTo(exposed.getLocalPort()));
            assertThat(List.of(accepted, client, internalAccepted)).allMatch(Socket::isConnected);
        }
    }

    /** A process names itself: escape sequences and bytes that are no UTF-8 stay data in the name. */
    @ParameterizedTest
    @EnumSource(Source.class)
    void aProcessNameWithEscapesAndInvalidBytesIsCarriedAsData(Source source) throws Exception {
        // The kernel adds a newline when comm is read and keeps one when it is written: strip it.
        String before = Files.readString(COMM).strip();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Files.write(COMM, new byte[] {'e', 'v', 0x1b, '[', '3', '1', 'm', '\n', 'x', (byte) 0xff});
            assertThat(source.collector(EnumSet.of(OwnerLookup.LISTENERS)).collect().listening())
                    .filteredOn(s -> s.port() == listener.getLocalPort()).singleElement()
                    .satisfies(s -> assertThat(s.process()).isEqualTo("ev\u001b[31m\\nx\ufffd"));
        } finally {
            Files.writeString(COMM, before);
        }
    }
}
