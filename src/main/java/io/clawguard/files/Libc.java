package io.clawguard.files;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;

/**
 * The few Linux calls the JDK does not offer: an {@code O_PATH} handle on a folder (so a
 * command starts in that very folder, whatever is renamed meanwhile), and a signal to a
 * whole process group. Bound directly through JNA, which OSHI already brings.
 */
final class Libc {
    /** Same value on x86-64 and arm64 Linux. */
    static final int O_PATH = 010000000;
    static final int O_CLOEXEC = 02000000;

    static {
        Native.register("c");
    }

    private Libc() {
    }

    static native int open(String path, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int kill(int pid, int signal) throws LastErrorException;
}
