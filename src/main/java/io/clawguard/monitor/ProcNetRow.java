package io.clawguard.monitor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One row of a /proc/net socket table, decoded in place. The parser fills one instance row
 * after row, so a scan of 40,000 rows allocates nothing per row; {@link #copy()} keeps one.
 * Addresses are held as two longs in network byte order (an IPv4 address in the low 32 bits).
 */
final class ProcNetRow {
    static final int TCP_ESTABLISHED = 0x01;
    static final int TCP_LISTEN = 0x0A;

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

    /** The same endpoints and state as {@code other}: a socket unchanged between two scans. */
    boolean sameAs(ProcNetRow other) {
        return ipv6 == other.ipv6 && localLow == other.localLow && localHigh == other.localHigh
                && localPort == other.localPort && remoteLow == other.remoteLow && remoteHigh == other.remoteHigh
                && remotePort == other.remotePort && state == other.state && inode == other.inode;
    }

    ProcNetRow copy() {
        ProcNetRow c = new ProcNetRow();
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
