package io.clawguard.monitor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One socket as the kernel lists it (a row of /proc/net/tcp, a sock_diag message), decoded in
 * place. A reader fills one instance row after row, so a scan of 40,000 sockets allocates
 * nothing per socket; {@link #copy()} keeps one. Addresses are held as two longs in network
 * byte order (an IPv4 address in the low 32 bits).
 */
final class SocketRow {
    static final int TCP_ESTABLISHED = 0x01;
    static final int TCP_LISTEN = 0x0A;
    static final int TCP_TIME_WAIT = 0x06;
    static final int TCP_CLOSE = 0x07;

    Protocol protocol;
    boolean ipv6;
    long localHigh;
    long localLow;
    int localPort;
    long remoteHigh;
    long remoteLow;
    int remotePort;
    int state;
    long uid;
    long inode;

    InetAddress local() {
        return address(localHigh, localLow);
    }

    int localPort() {
        return localPort;
    }

    InetAddress remote() {
        return address(remoteHigh, remoteLow);
    }

    int remotePort() {
        return remotePort;
    }

    /** The kernel's TCP state number (a UDP socket shows 1 when connected, 7 when not). */
    int state() {
        return state;
    }

    /** The user the socket was opened as. */
    long uid() {
        return uid;
    }

    /** The socket's inode, the key to its owner's file descriptor; 0 when no process holds it yet. */
    long inode() {
        return inode;
    }

    /** No peer: the remote address is unspecified (0.0.0.0, ::, or ::ffff:0.0.0.0) and its port 0. */
    boolean peerless() {
        return remotePort == 0 && remoteHigh == 0 && (remoteLow == 0 || remoteLow == 0xFFFF_0000_0000L);
    }

    /**
     * The peer is on this host's loopback (127.0.0.0/8, ::1, v4-mapped 127.0.0.0/8) or
     * unspecified: {@link Connection#hostInternal} on the raw address, so that a scan can pass
     * over 40,000 loopback rows without making an address object for each.
     */
    boolean peerInsideHost() {
        return insideHost(remoteHigh, remoteLow);
    }

    /** The socket is bound to this host's loopback (or unspecified), by the same test. */
    boolean localInsideHost() {
        return insideHost(localHigh, localLow) && !(ipv6 ? localHigh == 0 && localLow == 0 : localLow == 0);
    }

    private boolean insideHost(long high, long low) {
        if (!ipv6) {
            return low >>> 24 == 127 || low == 0;
        }
        boolean mapped = high == 0 && low >>> 32 == 0xFFFF;
        return high == 0 && (low == 0 || low == 1)
                || mapped && ((low >>> 24 & 0xFF) == 127 || (low & 0xFFFF_FFFFL) == 0);
    }

    /** The same endpoints and state as {@code other}: a socket unchanged between two scans. */
    boolean sameAs(SocketRow other) {
        return protocol == other.protocol && ipv6 == other.ipv6 && localLow == other.localLow && localHigh == other.localHigh
                && localPort == other.localPort && remoteLow == other.remoteLow && remoteHigh == other.remoteHigh
                && remotePort == other.remotePort && state == other.state && inode == other.inode;
    }

    SocketRow copy() {
        SocketRow c = new SocketRow();
        c.protocol = protocol;
        c.ipv6 = ipv6;
        c.localHigh = localHigh;
        c.localLow = localLow;
        c.localPort = localPort;
        c.remoteHigh = remoteHigh;
        c.remoteLow = remoteLow;
        c.remotePort = remotePort;
        c.state = state;
        c.uid = uid;
        c.inode = inode;
        return c;
    }

    /** Java reads an IPv4-mapped IPv6 address as the IPv4 address it carries, as the monitors want. */
    private InetAddress address(long high, long low) {
        byte[] b = new byte[ipv6 ? 16 : 4];
        if (ipv6) {
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (high >>> (56 - 8 * i));
                b[8 + i] = (byte) (low >>> (56 - 8 * i));
            }
        } else {
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) (low >>> (24 - 8 * i));
            }
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + b.length + " bytes", e);
        }
    }
}
