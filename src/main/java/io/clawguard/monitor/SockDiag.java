package io.clawguard.monitor;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import java.io.IOException;

/**
 * The host's sockets through the kernel's sock_diag netlink interface, as {@code ss} reads
 * them: binary records instead of formatted text, and the loopback connections dropped in the
 * kernel ({@link SockDiagMessages}), so a scan at 40,000 loopback connections costs about a
 * fifth of the system time of reading /proc/net. Needs JNA (about 0.1 s to start), so it is for
 * the console's repeated scans, not for one-shot reports.
 */
final class SockDiag implements KernelSockets {
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final int EINTR = 4;
    /** Every TCP state but the dead ones (TIME_WAIT, CLOSE): an attempt in SYN_SENT or a half-closed link still carries data. */
    private static final int TCP_LIVE = SockDiagMessages.ALL_STATES & ~(1 << SocketRow.TCP_TIME_WAIT | 1 << SocketRow.TCP_CLOSE);
    private static final int IPPROTO_UDPLITE = 136;

    /** The four libc calls, bound directly through JNA. */
    private static final class Calls {
        static {
            Native.register("c");
        }

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;
    }

    /** A dump reply comes in pieces of at most 32 KiB. */
    private final byte[] reply = new byte[64 * 1024];
    private final SocketRow row = new SocketRow();
    private int sequence;

    @Override
    public void read(RowSink sink) throws IOException {
        int fd;
        try {
            fd = Calls.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        } catch (LastErrorException e) {
            throw new IOException("cannot open a sock_diag socket (errno " + e.getErrorCode() + ")", e);
        }
        try {
            dump(fd, SockDiagMessages.AF_INET, SockDiagMessages.IPPROTO_TCP, Protocol.TCP, TCP_LIVE, true, sink);
            dump(fd, SockDiagMessages.AF_INET6, SockDiagMessages.IPPROTO_TCP, Protocol.TCP, TCP_LIVE, true, sink);
            // Datagram sockets unfiltered: one "connected" to loopback can still send anywhere (sendto).
            for (int family : new int[] {SockDiagMessages.AF_INET, SockDiagMessages.AF_INET6}) {
                dump(fd, family, SockDiagMessages.IPPROTO_UDP, Protocol.UDP, SockDiagMessages.ALL_STATES, false, sink);
                dump(fd, family, IPPROTO_UDPLITE, Protocol.UDPLITE, SockDiagMessages.ALL_STATES, false, sink);
            }
        } finally {
            Calls.close(fd);
        }
    }

    private void dump(int fd, int family, int protocol, Protocol p, int states, boolean dropLoopback, RowSink sink)
            throws IOException {
        int seq = ++sequence;
        byte[] request = SockDiagMessages.dumpRequest(seq, family, protocol, states, dropLoopback);
        try {
            Calls.send(fd, request, request.length, 0);
            boolean done = false;
            while (!done) {
                long n = receive(fd);
                if (n <= 0) {
                    throw new IOException("sock_diag closed before the end of the " + p.wire() + " dump");
                }
                done = SockDiagMessages.readReply(reply, (int) n, seq, p, row, sink);
            }
        } catch (LastErrorException e) {
            throw new IOException("sock_diag failed for " + p.wire() + (family == SockDiagMessages.AF_INET6 ? "6" : "")
                    + " (errno " + e.getErrorCode() + ")", e);
        }
    }

    private long receive(int fd) {
        while (true) {
            try {
                return Calls.recv(fd, reply, reply.length, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() != EINTR) {
                    throw e;
                }
            }
        }
    }
}
