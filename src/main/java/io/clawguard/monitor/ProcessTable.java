package io.clawguard.monitor;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of this host as far as socket owners go: {@link ProcFs} on a real host, a fake
 * in tests. A process may end at any moment: then it is simply absent, never an error.
 */
interface ProcessTable {
    /** Takes one socket a process holds: the file descriptor and the socket's inode. */
    @FunctionalInterface
    interface SocketSink {
        void accept(int fd, long inode);
    }

    /** Every process now, with its count of open files; one that cannot be read is left out. */
    Map<Integer, Integer> fdCounts() throws IOException;

    /** Hands each socket process {@code pid} holds to {@code sink}; nothing when it is gone or not ours to read. */
    void sockets(int pid, SocketSink sink);

    /** The inode of the socket at {@code fd} of process {@code pid}, or -1 when that is no socket now. */
    long socketAt(int pid, int fd);

    /** The process's name and uid; empty when it is gone. */
    Optional<ProcessStatus> status(int pid);

    /**
     * Whether the process is the system program it is named after: its executable owned by
     * root and writable by root alone, in folders only root writes, that very file (not one of
     * the same name in a mount namespace of its own), and called {@code name}. False when that
     * cannot be read.
     */
    boolean runsSystemProgram(int pid, String name);
}
