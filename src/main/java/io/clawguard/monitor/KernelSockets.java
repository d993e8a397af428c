package io.clawguard.monitor;

import java.io.IOException;

/**
 * Where a scan reads the host's sockets from: the /proc/net tables ({@link ProcNetTables}) or
 * the kernel's sock_diag interface ({@link SockDiag}). Either lists every listener, every
 * established TCP connection and every UDP socket; connections within the host may be left
 * out at the source. Nothing read is an error, never an empty host.
 */
interface KernelSockets {
    /** Takes each socket; the row is refilled for the next one, so what is kept must be copied. */
    @FunctionalInterface
    interface RowSink {
        void accept(SocketRow row);
    }

    void read(RowSink sink) throws IOException;
}
