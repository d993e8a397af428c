package io.clawguard.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sockets of this host as the kernel lists them ({@link KernelSockets}), with the processes
 * holding them found through {@code /proc/<pid>} ({@link SocketOwners}). A TCP socket in LISTEN,
 * or a UDP socket with no peer, is a listener; an established TCP connection or a UDP socket
 * with a peer is a connection; other TCP states are passing and left out, and so are
 * connections within the host (a peer on loopback): they are neither egress nor inbound.
 *
 * <p>A rescan costs what changed, not what there is: a socket seen before (same inode, same
 * endpoints, same state, same owner) is handed on as the very object built for it then; only
 * new or changed sockets are decoded into addresses and objects, and only their owners looked
 * for. One instance keeps its memory of the last scan; scans on it take turns.
 */
public final class LinuxSocketCollector implements SocketCollector {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxSocketCollector.class);
    private static final Path PROC = Path.of("/proc");
    private static final Path PASSWD = Path.of("/etc/passwd");

    /** A socket as the scans see it: decoded and built once, handed on unchanged while it stays so. */
    private static final class Seen {
        final SocketRow row;
        final boolean listening;
        final InetAddress local;
        final InetAddress remote;
        final boolean wantsOwner;
        SocketOwner owner;
        ListeningSocket listener;
        Connection connection;
        long scan;

        Seen(SocketRow row, boolean listening, Set<OwnerLookup> lookup) {
            this.row = row;
            this.listening = listening;
            this.local = row.local();
            this.remote = row.remote();
            this.wantsOwner = row.inode() != 0
                    && lookup.contains(listening ? OwnerLookup.LISTENERS : OwnerLookup.CONNECTIONS);
        }

        void own(SocketOwner o) {
            if (o.equals(owner)) {
                return;
            }
            owner = o;
            if (listening) {
                listener = new ListeningSocket(row.protocol, local, row.localPort(), o.pid(), o.process(), o.user(),
                        o.systemProgram());
            } else {
                connection = new Connection(row.protocol, local, row.localPort(), remote, row.remotePort(), o.pid(),
                        o.process(), o.user(), o.systemProgram());
            }
        }
    }

    private final KernelSockets sockets;
    private final SocketOwners owners;
    private final PasswdNames users;
    private final Set<OwnerLookup> lookup;
    private final Clock clock;
    private final Map<Long, Seen> seen = new HashMap<>();
    private final List<Seen> current = new ArrayList<>();
    private long scan;

    LinuxSocketCollector(KernelSockets sockets, ProcessTable processes, PasswdNames users, Clock clock,
                         Set<OwnerLookup> lookup) {
        this.sockets = sockets;
        this.users = users;
        this.owners = new SocketOwners(processes, users::nameOf);
        this.lookup = lookup.isEmpty() ? Set.of() : EnumSet.copyOf(lookup);
        this.clock = clock;
    }

    /** For a one-shot report: reads /proc/net, nothing to start up first. */
    public static LinuxSocketCollector oneShot(Clock clock, Set<OwnerLookup> lookup) {
        return new LinuxSocketCollector(new ProcNetTables(PROC.resolve("net"), ByteOrder.nativeOrder()), new ProcFs(PROC),
                new PasswdNames(PASSWD), clock, lookup);
    }

    /**
     * For scans every few seconds: reads sock_diag, a fifth of the kernel's work of /proc/net at
     * scale; where the kernel offers no sock_diag (or JNA cannot load), reads /proc/net.
     */
    public static LinuxSocketCollector repeating(Clock clock, Set<OwnerLookup> lookup) {
        KernelSockets source;
        try {
            SockDiag diag = new SockDiag();
            diag.read(row -> { });
            source = diag;
        } catch (IOException | LinkageError e) {
            LOG.warn("sock_diag cannot be read ({}); scanning /proc/net instead", e.toString());
            source = new ProcNetTables(PROC.resolve("net"), ByteOrder.nativeOrder());
        }
        return new LinuxSocketCollector(source, new ProcFs(PROC), new PasswdNames(PASSWD), clock, lookup);
    }

    @Override
    public synchronized SocketSnapshot collect() throws IOException {
        scan++;
        users.refresh();
        current.clear();
        sockets.read(this::accept);
        // One user's sockets past its share are counted, not examined: no owner looked up, no object built.
        List<Seen> examined = new ArrayList<>(current.size());
        Map<Long, int[]> perUid = new HashMap<>();
        Map<String, Integer> floods = new HashMap<>();
        Set<Long> wanted = new HashSet<>();
        for (Seen s : current) {
            int[] count = perUid.computeIfAbsent((s.listening ? 1L << 32 : 0) | s.row.uid(), k -> new int[1]);
            if (++count[0] > SocketSnapshot.PER_USER) {
                floods.merge(users.nameOf(s.row.uid()), 1, Integer::sum);
                continue;
            }
            examined.add(s);
            if (s.wantsOwner) {
                wanted.add(s.row.inode());
            }
        }
        Map<Long, SocketOwner> found = owners.find(wanted);
        List<ListeningSocket> listening = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (Seen s : examined) {
            SocketOwner o = s.wantsOwner ? found.get(s.row.inode()) : null;
            s.own(o != null ? o : s.owner != null && s.owner.pid() < 0 ? s.owner
                    : SocketOwner.unknown(users.nameOf(s.row.uid())));
            if (s.listening) {
                listening.add(s.listener);
            } else {
                connections.add(s.connection);
            }
        }
        seen.values().removeIf(s -> s.scan != scan);
        return new SocketSnapshot(listening, connections, clock.instant(), floods);
    }

    private void accept(SocketRow row) {
        boolean tcp = row.protocol == Protocol.TCP;
        boolean listening = tcp ? row.state() == SocketRow.TCP_LISTEN : row.peerless();
        boolean dead = tcp && (row.state() == SocketRow.TCP_TIME_WAIT || row.state() == SocketRow.TCP_CLOSE);
        // A TCP socket talks only to its peer; a datagram socket "connected" to loopback can still
        // send anywhere, so it is left out only when it is bound to the loopback too.
        boolean withinHost = row.peerInsideHost() && (tcp || row.localInsideHost());
        if (!listening && (dead || withinHost)) {
            return;
        }
        Seen s = row.inode() == 0 ? null : seen.get(row.inode());
        if (s != null && s.scan == scan) {
            // A table read in pieces can show a socket that moved between two pieces twice.
            return;
        }
        if (s == null || !s.row.sameAs(row)) {
            s = new Seen(row.copy(), listening, lookup);
            if (row.inode() != 0) {
                seen.put(row.inode(), s);
            }
        }
        s.scan = scan;
        current.add(s);
    }
}
