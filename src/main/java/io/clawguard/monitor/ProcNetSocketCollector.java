package io.clawguard.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sockets of this host read from {@code /proc/net/{tcp,tcp6,udp,udp6}}, with the processes
 * holding them found through {@code /proc/<pid>} ({@link SocketOwners}). A TCP socket in LISTEN,
 * or a UDP socket with no peer, is a listener; an established TCP connection or a UDP socket
 * with a peer is a connection; other TCP states are passing and left out.
 *
 * <p>A rescan costs what changed, not what there is: the tables are read through one fixed
 * buffer without an object per row, a socket seen before (same inode, same endpoints, same
 * state, same owner) is handed on as the very object built for it then, and only new or changed
 * rows are decoded into addresses and objects. The kernel still prints every row: that part
 * (about 60 ms of system time for 40,000 rows) is what it costs to ask.
 *
 * <p>A table that cannot be read is an error, never an empty table: the IPv6 ones may be absent
 * only on a kernel without IPv6. One instance keeps its memory of the last scan; scans on it
 * take turns.
 */
public final class ProcNetSocketCollector implements SocketCollector {
    private record Table(String file, Protocol protocol, boolean ipv6) {
    }

    private static final List<Table> TABLES = List.of(new Table("tcp", Protocol.TCP, false),
            new Table("tcp6", Protocol.TCP, true), new Table("udp", Protocol.UDP, false),
            new Table("udp6", Protocol.UDP, true));

    /** A socket as the scans see it: decoded and built once, handed on unchanged while it stays so. */
    private static final class Seen {
        final Protocol protocol;
        final boolean listening;
        final ProcNetRow row;
        final InetAddress local;
        final InetAddress remote;
        final boolean wantsOwner;
        SocketOwner owner;
        ListeningSocket listener;
        Connection connection;
        long scan;

        Seen(Protocol protocol, boolean listening, ProcNetRow row, Set<OwnerLookup> lookup) {
            this.protocol = protocol;
            this.listening = listening;
            this.row = row;
            this.local = row.local();
            this.remote = row.remote();
            this.wantsOwner = row.inode() != 0 && (listening ? lookup.contains(OwnerLookup.LISTENERS)
                    : lookup.contains(OwnerLookup.CONNECTIONS) && !Connection.hostInternal(remote));
        }

        void own(SocketOwner o) {
            if (o.equals(owner)) {
                return;
            }
            owner = o;
            if (listening) {
                listener = new ListeningSocket(protocol, local, row.localPort(), o.pid(), o.process(), o.user());
            } else {
                connection = new Connection(protocol, local, row.localPort(), remote, row.remotePort(), o.pid(),
                        o.process(), o.user());
            }
        }
    }

    private final Path procNet;
    private final ByteOrder order;
    private final SocketOwners owners;
    private final PasswdNames users;
    private final Set<OwnerLookup> lookup;
    private final Clock clock;
    private final ProcNetTable table = new ProcNetTable();
    private final Map<Long, Seen> seen = new HashMap<>();
    private final List<Seen> current = new ArrayList<>();
    private long scan;

    /** This host's sockets, naming the processes of the kinds in {@code lookup}. */
    public ProcNetSocketCollector(Clock clock, Set<OwnerLookup> lookup) {
        this(Path.of("/proc"), Path.of("/etc/passwd"), ByteOrder.nativeOrder(), clock, lookup);
    }

    ProcNetSocketCollector(Path proc, Path passwd, ByteOrder order, Clock clock, Set<OwnerLookup> lookup) {
        this(proc.resolve("net"), new ProcFs(proc), new PasswdNames(passwd), order, clock, lookup);
    }

    ProcNetSocketCollector(Path procNet, ProcessTable processes, PasswdNames users, ByteOrder order, Clock clock,
                           Set<OwnerLookup> lookup) {
        this.procNet = procNet;
        this.order = order;
        this.users = users;
        this.owners = new SocketOwners(processes, users::nameOf);
        this.lookup = lookup.isEmpty() ? Set.of() : EnumSet.copyOf(lookup);
        this.clock = clock;
    }

    @Override
    public synchronized SocketSnapshot collect() throws IOException {
        scan++;
        users.refresh();
        current.clear();
        for (Table t : TABLES) {
            read(t);
        }
        Set<Long> wanted = new HashSet<>();
        for (Seen s : current) {
            if (s.wantsOwner) {
                wanted.add(s.row.inode());
            }
        }
        Map<Long, SocketOwner> found = owners.find(wanted);
        List<ListeningSocket> listening = new ArrayList<>();
        List<Connection> connections = new ArrayList<>(current.size());
        for (Seen s : current) {
            SocketOwner o = s.wantsOwner ? found.get(s.row.inode()) : null;
            s.own(o != null ? o : s.owner != null && s.owner.pid() < 0 ? s.owner : SocketOwner.unknown(users.nameOf(s.row.uid())));
            if (s.listening) {
                listening.add(s.listener);
            } else {
                connections.add(s.connection);
            }
        }
        seen.values().removeIf(s -> s.scan != scan);
        return new SocketSnapshot(listening, connections, clock.instant());
    }

    private void read(Table t) throws IOException {
        Path file = procNet.resolve(t.file());
        try {
            table.read(file, order, row -> accept(t.protocol(), row));
        } catch (NoSuchFileException e) {
            if (t.ipv6() && !Files.exists(procNet.resolve("if_inet6"))) {
                return;
            }
            throw new IOException("cannot read " + file + ": it does not exist, so the sockets it lists would be missed",
                    e);
        } catch (FileSystemException e) {
            throw new IOException("cannot read " + file + (e.getReason() == null ? "" : ": " + e.getReason())
                    + ", so the sockets it lists would be missed", e);
        }
    }

    private void accept(Protocol protocol, ProcNetRow row) {
        boolean listening = protocol == Protocol.TCP ? row.state() == ProcNetRow.TCP_LISTEN : row.peerless();
        if (!listening && protocol == Protocol.TCP && row.state() != ProcNetRow.TCP_ESTABLISHED) {
            return;
        }
        Seen s = row.inode() == 0 ? null : seen.get(row.inode());
        if (s != null && s.scan == scan) {
            // The kernel prints a table in pieces; a socket moved between two reads can show twice.
            return;
        }
        if (s == null || s.protocol != protocol || !s.row.sameAs(row)) {
            s = new Seen(protocol, listening, row.copy(), lookup);
            if (row.inode() != 0) {
                seen.put(row.inode(), s);
            }
        }
        s.scan = scan;
        current.add(s);
    }
}
