package io.clawguard.monitor;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The sockets in {@code /proc/net/{tcp,tcp6,udp,udp6,udplite,udplite6}}. Needs nothing but file reads, so a
 * one-shot report starts at once; but the kernel prints every row of every table on each read
 * (about 70 ms of system time for 40,000 rows), which a scan every 2 s cannot afford: the
 * console reads {@link SockDiag} instead. The IPv6 tables may be absent only on a kernel
 * without IPv6.
 */
final class ProcNetTables implements KernelSockets {
    private record Table(String file, Protocol protocol, boolean ipv6) {
    }

    private static final List<Table> TABLES = List.of(new Table("tcp", Protocol.TCP, false),
            new Table("tcp6", Protocol.TCP, true), new Table("udp", Protocol.UDP, false),
            new Table("udp6", Protocol.UDP, true), new Table("udplite", Protocol.UDPLITE, false),
            new Table("udplite6", Protocol.UDPLITE, true));

    private final Path procNet;
    private final ByteOrder order;
    private final ProcNetTable table = new ProcNetTable();

    ProcNetTables(Path procNet, ByteOrder order) {
        this.procNet = procNet;
        this.order = order;
    }

    @Override
    public void read(RowSink sink) throws IOException {
        for (Table t : TABLES) {
            Path file = procNet.resolve(t.file());
            try {
                table.read(file, t.protocol(), order, sink);
            } catch (NoSuchFileException e) {
                if (t.ipv6() && !Files.exists(procNet.resolve("if_inet6"))) {
                    continue;
                }
                if (t.protocol() == Protocol.UDPLITE) {
                    // A kernel with UDP-Lite always lists its table: without one, there is nothing to miss.
                    continue;
                }
                throw new IOException("cannot read " + file + ": it does not exist, so the sockets it lists would"
                        + " be missed", e);
            } catch (FileSystemException e) {
                throw new IOException("cannot read " + file + (e.getReason() == null ? "" : ": " + e.getReason())
                        + ", so the sockets it lists would be missed", e);
            }
        }
    }
}
