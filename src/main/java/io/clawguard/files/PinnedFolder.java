package io.clawguard.files;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder held open by this process ({@code O_PATH}), taken from a process's
 * {@code /proc/PID/cwd}. Whatever is later renamed or replaced by a symlink, {@link #handle()}
 * reaches this very folder (same device and inode), because the kernel resolves it through
 * the open file, not through the names that led there.
 */
public final class PinnedFolder implements AutoCloseable {
    private final int fd;
    private final Path shownAs;
    private final FileIdentity identity;
    private boolean closed;

    private PinnedFolder(int fd, Path shownAs, FileIdentity identity) {
        this.fd = fd;
        this.shownAs = shownAs;
        this.identity = identity;
    }

    /**
     * Pins the working folder of process {@code pid}, which the kernel said connected as
     * {@code uid}; fails when the folder cannot be read or is gone, or when {@code pid} now
     * belongs to another user (the requester exited and its pid was reused by someone else's
     * process, whose folder must not pass for the requester's).
     */
    public static PinnedFolder ofProcessCwd(long pid, int uid) throws IOException {
        Path link = Path.of("/proc", Long.toString(pid), "cwd");
        int fd;
        try {
            fd = Libc.open(link.toString(), Libc.O_PATH | Libc.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("the working folder of pid " + pid + " cannot be read (errno " + e.getErrorCode() + ")");
        }
        try {
            Path handle = handle(fd);
            Path shown = Files.readSymbolicLink(handle);
            if (!Files.isDirectory(handle) || !shown.isAbsolute() || shown.toString().endsWith(" (deleted)")) {
                throw new IOException("the working folder of pid " + pid + " is gone or not a folder: " + shown);
            }
            FileIdentity identity = FileIdentity.of(handle);
            if (!identity.equals(reachedBy(shown))) {
                // The kernel names the folder as the requester sees it; in a mount namespace of its
                // own that name can lead somewhere else entirely for everyone else.
                throw new IOException("the working folder of pid " + pid + " is not what " + shown
                        + " is outside the requester's own view of the file system (a mount namespace of its own?)");
            }
            // Read after the pin: a pid reused before it shows the new owner here.
            int owner = effectiveUid(pid);
            if (owner != uid) {
                throw new IOException("pid " + pid + " is no longer the process that connected (it runs as uid " + owner
                        + ", not " + uid + ")");
            }
            return new PinnedFolder(fd, shown, identity);
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    private static int effectiveUid(long pid) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("pid " + pid + " is gone");
        }
        throw new IOException("pid " + pid + " has no Uid line in its status");
    }

    private static FileIdentity reachedBy(Path name) {
        try {
            return FileIdentity.of(name);
        } catch (IOException e) {
            return null;
        }
    }

    private static Path handle(int fd) {
        return Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "fd", Integer.toString(fd));
    }

    /** The folder's path as the kernel named it when it was pinned: what the admin is shown. */
    public Path shownAs() {
        return shownAs;
    }

    /**
     * A path that reaches exactly this folder while it is held open, usable by a child process
     * of this one (which is why it names this process's pid rather than {@code self}).
     */
    public Path handle() {
        return handle(fd);
    }

    public FileIdentity identity() {
        return identity;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }
}
