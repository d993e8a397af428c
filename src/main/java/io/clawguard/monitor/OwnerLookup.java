package io.clawguard.monitor;

/**
 * Which sockets a scan names the process of. Finding a socket's process means reading the
 * links in {@code /proc/<pid>/fd}, the costliest part of a scan, so a one-shot report asks only
 * for the owners it prints. A socket whose process is not looked up shows pid -1, process "?"
 * and the user the socket belongs to.
 */
public enum OwnerLookup {
    /** Listening sockets: what the ports report and the console show. */
    LISTENERS,
    /** Connections: what the egress report and the console show. */
    CONNECTIONS
}
