package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real sockets on loopback and on a non-loopback address of this machine, found through /proc. */
class ProcNetCollectorIntegrationTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final Path COMM = Path.of("/proc/self/comm");

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

    private static SocketSnapshot scan(Set<OwnerLookup> owners) throws Exception {
        return new ProcNetSocketCollector(Clock.systemUTC(), owners).collect();
    }

    @Test
    void findsListenersAndConnectionsOfThisProcess() throws Exception {
        InetAddress lan = nonLoopbackAddress();
        try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket exposed = new ServerSocket(0, 50, lan);
             DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket udpConnected = new DatagramSocket(new InetSocketAddress(lan, 0));
             Socket client = new Socket(lan, exposed.getLocalPort());
             Socket accepted = exposed.accept()) {
            udpConnected.connect(new InetSocketAddress(lan, 9));
            SocketSnapshot snap = scan(EnumSet.allOf(OwnerLookup.class));
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

            List<Finding> findings = PortEvaluator.evaluate(mine, Optional.of(List.of()));
            assertThat(findings).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo(Finding.Kind.PUBLIC_BIND);
                assertThat(f.summary()).contains("non-loopback address " + Addresses.text(lan));
            });
            EgressReport egress = EgressEvaluator.evaluate(snap, Optional.of(List.of()), Sockets.resolver(
                    Map.of(), Map.of()));
            assertThat(egress.inbound()).anySatisfy(c -> assertThat(c.localPort()).isEqualTo(exposed.getLocalPort()));
            assertThat(egress.outbound()).anySatisfy(c -> assertThat(c.remotePort()).isEqualTo(exposed.getLocalPort()));
            assertThat(accepted.isConnected()).isTrue();
            assertThat(client.isConnected()).isTrue();
        }
    }

    @Test
    void aReportLooksUpOnlyTheOwnersItPrints() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket accepted = listener.accept()) {
            SocketSnapshot egressOnly = scan(EnumSet.of(OwnerLookup.CONNECTIONS));
            assertThat(egressOnly.listening()).anySatisfy(s -> {
                assertThat(s.port()).isEqualTo(listener.getLocalPort());
                assertThat(s.pid()).isEqualTo(-1);
                assertThat(s.process()).isEqualTo("?");
                assertThat(s.user()).isEqualTo(System.getProperty("user.name"));
            });
            assertThat(egressOnly.connections()).filteredOn(c -> c.localPort() == client.getLocalPort())
                    .singleElement().satisfies(c -> assertThat(c.pid()).as("a loopback connection is never looked up")
                            .isEqualTo(-1));
            assertThat(scan(EnumSet.of(OwnerLookup.LISTENERS)).listening())
                    .anySatisfy(s -> {
                        assertThat(s.port()).isEqualTo(listener.getLocalPort());
                        assertThat(s.pid()).isEqualTo(PID);
                    });
            assertThat(accepted.isConnected()).isTrue();
        }
    }

    /** A process names itself: escape sequences and bytes that are no UTF-8 stay data in the name. */
    @Test
    void aProcessNameWithEscapesAndInvalidBytesIsCarriedAsData() throws Exception {
        byte[] before = Files.readAllBytes(COMM);
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Files.write(COMM, new byte[] {'e', 'v', 0x1b, '[', '3', '1', 'm', '\n', 'x', (byte) 0xff});
            assertThat(scan(EnumSet.of(OwnerLookup.LISTENERS)).listening())
                    .filteredOn(s -> s.port() == listener.getLocalPort()).singleElement()
                    .satisfies(s -> assertThat(s.process()).isEqualTo("ev\u001b[31m\\nx\ufffd"));
        } finally {
            Files.write(COMM, before);
        }
    }
}
