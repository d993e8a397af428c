package io.clawguard.monitor;

/**
 * The process holding a socket: pid, name and user; pid -1 and name "?" when no process was
 * found. {@code systemProgram}: whether its name can be trusted to name a program, because root
 * runs it or its executable is a system program (owned by root, in folders only root writes):
 * a process names itself, so an agent's copy of its own program called {@code apt-get} is not.
 */
record SocketOwner(long pid, String process, String user, boolean systemProgram) {
    /** No process known: the socket's own uid still says whose it is. */
    static SocketOwner unknown(String user) {
        return new SocketOwner(-1, "?", user, false);
    }
}
