package io.clawguard.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Sockets of this host through OSHI ({@code InternetProtocolStats.getConnections()}), with
 * each owning process's name and user. A TCP socket in LISTEN, or a UDP socket with no peer,
 * is a listener; an established TCP connection or a UDP socket with a peer is a connection.
 */
public final class OshiSocketCollector implements SocketCollector {
    private final OperatingSystem os;
    private final Clock clock;

    public OshiSocketCollector(Clock clock) {
        this.os = new SystemInfo().getOperatingSystem();
        this.clock = clock;
    }

    @Override
    public SocketSnapshot collect() throws IOException {
        InternetProtocolStats stats = os.getInternetProtocolStats();
        List<ListeningSocket> listening = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        Map<Integer, String[]> owners = new HashMap<>();
        for (IPConnection c : stats.getConnections()) {
            Protocol protocol = Protocol.parse(c.getType());
            if (protocol == null) {
                continue;
            }
            InetAddress local = address(c.getLocalAddress());
            InetAddress remote = address(c.getForeignAddress());
            String[] owner = owners.computeIfAbsent(c.getowningProcessId(), this::owner);
            boolean peerless = remote.isAnyLocalAddress() && c.getForeignPort() == 0;
            if (protocol == Protocol.TCP ? c.getState() == TcpState.LISTEN : peerless) {
                listening.add(new ListeningSocket(protocol, local, c.getLocalPort(), c.getowningProcessId(), owner[0],
                        owner[1]));
            } else if (protocol == Protocol.UDP || c.getState() == TcpState.ESTABLISHED) {
                connections.add(new Connection(protocol, local, c.getLocalPort(), remote, c.getForeignPort(),
                        c.getowningProcessId(), owner[0], owner[1]));
            }
        }
        return new SocketSnapshot(listening, connections, clock.instant());
    }

    private String[] owner(int pid) {
        OSProcess p = pid < 0 ? null : os.getProcess(pid);
        return p == null ? new String[] {"?", "?"} : new String[] {p.getName(), p.getUser()};
    }

    private static InetAddress address(byte[] raw) throws IOException {
        try {
            return Addresses.unmapped(InetAddress.getByAddress(raw.length == 0 ? new byte[4] : raw));
        } catch (UnknownHostException e) {
            throw new IOException("OSHI reported an address of " + raw.length + " bytes", e);
        }
    }
}
