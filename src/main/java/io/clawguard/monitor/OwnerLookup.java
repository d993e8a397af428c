package io.clawguard.monitor;

/**
 * Which sockets a scan names the process of. Finding a socket's process means reading the
 * links in {@code /proc/<pid>/fd}, the costliest part of a scan, so a one-shot report asks only
 * for the owners it prints. A connection with a peer on this host's loopback is neither egress
 * nor inbound: its process is never looked up (pid -1, process "?", the socket's user).
 */
public enum OwnerLookup {
    /** Listening sockets: what the ports report and the console show. */
    LISTENERS,
    /** Connections with a peer beyond this host's loopback: what the egress report and the console show. */
    CONNECTIONS
}
