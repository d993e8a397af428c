package io.clawguard.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file beside the data it guards, held across read-modify-write
 * so that concurrent processes and threads never lose each other's updates.
 *
 * <p>File locks belong to the process, not the thread: the JVM's own overlap check does not
 * reliably keep two threads of one process apart (measured: two threads inside at once under
 * 200-thread contention), and closing any channel of the file drops the process's lock. So
 * threads of this process queue on an in-process lock per file first, and only the thread at
 * the head takes the file lock that keeps other processes out. The queue is fair (first come,
 * first served): a request's audit record must not be overtaken again and again by a busy
 * writer of network records.
 */
public final class ExclusiveLock implements AutoCloseable {
    /** One in-process lock per lock file; it lives as long as the process, like the file lock. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveLock(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until this thread holds the lock, against this process's threads and other processes. */
    public static ExclusiveLock acquire(Path lockFile) throws IOException {
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                k -> new ReentrantLock(true));
        inProcess.lock();
        FileChannel channel = null;
        try {
            channel = open(lockFile);
            return new ExclusiveLock(inProcess, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            inProcess.unlock();
            throw e;
        }
    }

    /** Lock files are created owner-only like everything else in the state folder. */
    private static FileChannel open(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY));
        } catch (NoSuchFileException e) {
            PrivateDirectory.create(lockFile.toAbsolutePath().getParent());
            return FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            inProcess.unlock();
        }
    }
}
