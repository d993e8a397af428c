package io.clawguard.audit;

import io.clawguard.files.ExclusiveLock;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of the log and its head as they stood at one instant: listed, measured and the
 * active file opened under the writers' lock, held only for that. Rotated segments never change
 * once written and the active file is read through the descriptor opened then, up to the length
 * seen then, so a reader beside writers never sees a head ahead of its log, a half-written head
 * or a half-written last line, and a rotation meanwhile moves nothing under it.
 */
final class LogSnapshot implements Closeable {
    /** One file of the series: rotated segments first (numbered), the active file last (number 0). */
    record Part(String name, Path path, long length, long inode, long number, boolean active) {
    }

    private final List<Part> parts;
    private final Optional<AuditHead> head;
    private final FileChannel activeChannel;

    private LogSnapshot(List<Part> parts, Optional<AuditHead> head, FileChannel activeChannel) {
        this.parts = parts;
        this.head = head;
        this.activeChannel = activeChannel;
    }

    static LogSnapshot take(Path log) throws IOException {
        if (!Files.isDirectory(log.toAbsolutePath().getParent())) {
            // Nothing to read, and a reader creates no folder (the lock would).
            return new LogSnapshot(List.of(), Optional.empty(), null);
        }
        try (ExclusiveLock ignored = ExclusiveLock.acquire(AuditLog.lockFileOf(log))) {
            List<Part> parts = new ArrayList<>();
            for (AuditSegments.Segment s : AuditSegments.rotated(log)) {
                parts.add(new Part(s.file().getFileName().toString(), s.file(), Files.size(s.file()), inode(s.file()),
                        s.number(), false));
            }
            FileChannel active = null;
            try {
                active = FileChannel.open(log, StandardOpenOption.READ);
                parts.add(new Part(log.getFileName().toString(), log, active.size(), inode(log), 0, true));
            } catch (NoSuchFileException absent) {
                // After a rotation and before the next record, or before the first one.
            }
            return new LogSnapshot(List.copyOf(parts), AuditHead.read(log), active);
        }
    }

    private static long inode(Path file) throws IOException {
        return ((Number) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    List<Part> parts() {
        return parts;
    }

    Optional<AuditHead> head() {
        return head;
    }

    /** The part's bytes: the descriptor opened under the lock for the active file, a fresh one for a segment. */
    FileChannel open(Part part) throws IOException {
        return part.active() ? activeChannel : FileChannel.open(part.path(), StandardOpenOption.READ);
    }

    @Override
    public void close() throws IOException {
        if (activeChannel != null) {
            activeChannel.close();
        }
    }
}
