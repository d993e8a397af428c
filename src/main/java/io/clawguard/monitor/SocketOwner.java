package io.clawguard.monitor;

/** The process holding a socket: pid, name and user; pid -1 and name "?" when no process was found. */
record SocketOwner(long pid, String process, String user) {
    /** No process known: the socket's own uid still says whose it is. */
    static SocketOwner unknown(String user) {
        return new SocketOwner(-1, "?", user);
    }
}
