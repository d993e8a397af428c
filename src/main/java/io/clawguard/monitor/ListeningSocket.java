package io.clawguard.monitor;

import java.net.InetAddress;

/** A socket waiting for peers: TCP in LISTEN, or an unconnected bound UDP socket. */
public record ListeningSocket(Protocol protocol, InetAddress bind, int port, long pid, String process, String user,
                              boolean systemProgram) {

    /** Identity across scans: the same port, protocol and bind address is the same listener. */
    public String key() {
        return protocol.wire() + " " + Addresses.endpoint(bind, port);
    }

    public boolean wildcard() {
        return bind.isAnyLocalAddress();
    }

    public boolean loopback() {
        return bind.isLoopbackAddress();
    }
}
