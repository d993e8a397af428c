package io.clawguard.files;

import com.sun.jna.LastErrorException;

/** Signals to every process of a process group, which the JDK can only send one process at a time. */
public final class ProcessGroup {
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private ProcessGroup() {
    }

    /** Sends {@code signal} to the group led by {@code leader}; false when no process of it is left. */
    public static boolean signal(long leader, int signal) {
        if (leader <= 1 || leader > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a process group leader: " + leader);
        }
        try {
            Libc.kill((int) -leader, signal);
            return true;
        } catch (LastErrorException e) {
            return false;
        }
    }
}
