package io.clawguard.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The netlink messages of the kernel's sock_diag interface ({@code linux/inet_diag.h}), built and
 * read apart from the socket that carries them. A request dumps the sockets of one family and
 * protocol in the given states, with a filter the kernel runs on each socket that drops those
 * whose peer is on the loopback (127.0.0.0/8, v4-mapped or not, and ::1): traffic within the
 * host is neither egress nor inbound, and on a busy host it is most of the sockets.
 */
final class SockDiagMessages {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_UDP = 17;
    static final int ALL_STATES = 0xFFFF_FFFF;

    private static final int HEADER = 16;
    private static final int REQUEST = 56;
    private static final int DIAG_MSG = 72;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_DUMP = 0x300;
    private static final int INET_DIAG_REQ_BYTECODE = 1;
    private static final int BC_JMP = 1;
    private static final int BC_D_COND = 8;

    /**
     * The filter program: each op is {code, yes, no} and a condition; "yes" goes on to the next op,
     * "no" jumps that many bytes; ending exactly at the end accepts, jumping past it rejects.
     * <pre>
     *  0: peer in 127.0.0.0/8 ?  yes: 16 (reject by the jump at 16)  no: 20 (test ::1)
     * 16: jump past the end (reject)
     * 20: peer is ::1 ?          yes: 48 (reject by the jump at 48)  no: 52 (the end: accept)
     * 48: jump past the end (reject)
     * </pre>
     */
    private static final byte[] DROP_LOOPBACK_PEERS = filter();

    private SockDiagMessages() {
    }

    private static byte[] filter() {
        ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.nativeOrder());
        op(b, BC_D_COND, 16, 20);
        hostCondition(b, AF_INET, 8, new byte[] {127, 0, 0, 0});
        op(b, BC_JMP, 4, 40);
        op(b, BC_D_COND, 28, 32);
        byte[] loopback6 = new byte[16];
        loopback6[15] = 1;
        hostCondition(b, AF_INET6, 128, loopback6);
        op(b, BC_JMP, 4, 8);
        return b.array();
    }

    private static void op(ByteBuffer b, int code, int yes, int no) {
        b.put((byte) code).put((byte) yes).putShort((short) no);
    }

    /** {@code struct inet_diag_hostcond}: family, prefix length, two bytes of padding, port (-1: any), address. */
    private static void hostCondition(ByteBuffer b, int family, int prefix, byte[] address) {
        b.put((byte) family).put((byte) prefix).putShort((short) 0).putInt(-1).put(address);
    }

    /**
     * A dump request for the sockets of {@code family} and {@code protocol} in {@code states} (a
     * bit per TCP state), with the kernel dropping those whose peer is on the loopback when
     * {@code dropLoopback}.
     */
    static byte[] dumpRequest(int sequence, int family, int protocol, int states, boolean dropLoopback) {
        int length = HEADER + REQUEST + (dropLoopback ? 4 + DROP_LOOPBACK_PEERS.length : 0);
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        b.putInt(length).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(sequence).putInt(0);
        b.put((byte) family).put((byte) protocol).put((byte) 0).put((byte) 0).putInt(states);
        b.put(new byte[REQUEST - 8]);
        if (dropLoopback) {
            b.putShort((short) (4 + DROP_LOOPBACK_PEERS.length)).putShort((short) INET_DIAG_REQ_BYTECODE);
            b.put(DROP_LOOPBACK_PEERS);
        }
        return b.array();
    }

    /**
     * Hands each socket in the first {@code length} bytes of one reply to {@code sink}; true once
     * the dump is done. A reply the kernel marks as an error, or one that does not add up, is an
     * error.
     */
    static boolean readReply(byte[] reply, int length, int sequence, Protocol protocol, SocketRow row,
                             KernelSockets.RowSink sink) throws IOException {
        ByteBuffer host = ByteBuffer.wrap(reply, 0, length).order(ByteOrder.nativeOrder());
        ByteBuffer network = ByteBuffer.wrap(reply, 0, length).order(ByteOrder.BIG_ENDIAN);
        int at = 0;
        while (at + HEADER <= length) {
            int size = host.getInt(at);
            int type = host.getShort(at + 4) & 0xFFFF;
            if (size < HEADER || at + size > length) {
                throw new IOException("sock_diag sent a message of " + size + " bytes at " + at + " of " + length);
            }
            if (host.getInt(at + 8) == sequence) {
                if (type == NLMSG_DONE) {
                    return true;
                }
                if (type == NLMSG_ERROR) {
                    int errno = size >= HEADER + 4 ? -host.getInt(at + HEADER) : 0;
                    throw new IOException("sock_diag refused the request (errno " + errno + ")");
                }
                if (type == SOCK_DIAG_BY_FAMILY && size >= HEADER + DIAG_MSG) {
                    decode(host, network, at + HEADER, protocol, row);
                    sink.accept(row);
                }
            }
            at += (size + 3) & ~3;
        }
        return false;
    }

    /** {@code struct inet_diag_msg}: family, state, ..., ports and addresses in network order, then uid and inode. */
    private static void decode(ByteBuffer host, ByteBuffer network, int at, Protocol protocol, SocketRow row) {
        row.protocol = protocol;
        row.ipv6 = host.get(at) == AF_INET6;
        row.state = host.get(at + 1) & 0xFF;
        row.localPort = network.getShort(at + 4) & 0xFFFF;
        row.remotePort = network.getShort(at + 6) & 0xFFFF;
        row.localHigh = row.ipv6 ? network.getLong(at + 8) : 0;
        row.localLow = row.ipv6 ? network.getLong(at + 16) : network.getInt(at + 8) & 0xFFFF_FFFFL;
        row.remoteHigh = row.ipv6 ? network.getLong(at + 24) : 0;
        row.remoteLow = row.ipv6 ? network.getLong(at + 32) : network.getInt(at + 24) & 0xFFFF_FFFFL;
        row.uid = host.getInt(at + 64) & 0xFFFF_FFFFL;
        row.inode = host.getInt(at + 68) & 0xFFFF_FFFFL;
    }
}
