package io.clawguard.monitor;

import java.net.InetAddress;

/**
 * A TCP connection or a connected datagram socket, with the process that owns it.
 * {@code systemProgram}: whether the owner's name can be trusted to name a program (see
 * {@link SocketOwner}); a rule that names a program matches only then.
 */
public record Connection(Protocol protocol, InetAddress local, int localPort, InetAddress remote, int remotePort,
                         long pid, String process, String user, boolean systemProgram) {

    /** A peer on this host's loopback, or none: traffic within the host, neither egress nor inbound. */
    public static boolean hostInternal(InetAddress remote) {
        return remote.isLoopbackAddress() || remote.isAnyLocalAddress();
    }

    /** A destination as the egress pane groups it: protocol, remote address and port, program. */
    public String destinationKey() {
        return protocol.wire() + " " + Addresses.endpoint(remote, remotePort) + " " + process;
    }
}
