package io.clawguard.audit;

import io.clawguard.files.ExclusiveLock;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
    record Part(String name, Path path, long length, long inode, long number, boolean active, boolean regular) {
    }

    private final List<Part> parts;
    private final Optional<AuditHead> head;
    private final Optional<ArchiveMark> archived;
    private final FileChannel activeChannel;

    private LogSnapshot(List<Part> parts, Optional<AuditHead> head, Optional<ArchiveMark> archived,
                        FileChannel activeChannel) {
        this.parts = parts;
        this.head = head;
        this.archived = archived;
        this.activeChannel = activeChannel;
    }

    static LogSnapshot take(Path log) throws IOException {
        if (!Files.isDirectory(log.toAbsolutePath().getParent())) {
            // Nothing to read, and a reader creates no folder (the lock would).
            return new LogSnapshot(List.of(), Optional.empty(), Optional.empty(), null);
        }
        try (ExclusiveLock ignored = ExclusiveLock.acquire(AuditLog.lockFileOf(log))) {
            // Everything that can fail is read before the one descriptor this holds is opened.
            Optional<AuditHead> head = AuditHead.read(log);
            Optional<ArchiveMark> archived = ArchiveMark.read(log);
            List<Part> parts = new ArrayList<>();
            for (AuditSegments.Segment s : AuditSegments.rotated(log)) {
                BasicFileAttributes a = Files.readAttributes(s.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                parts.add(new Part(s.file().getFileName().toString(), s.file(), a.size(), inode(s.file()), s.number(),
                        false, a.isRegularFile()));
            }
            if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
                return new LogSnapshot(List.copyOf(parts), head, archived, null);
            }
            // Never opened unless it is a plain file: a pipe would block the open, a link lead anywhere.
            boolean regular = Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS);
            long inode = inode(log);
            FileChannel active = regular ? FileChannel.open(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS) : null;
            try {
                parts.add(new Part(log.getFileName().toString(), log, regular ? active.size() : 0, inode, 0, true,
                        regular));
            } catch (IOException | RuntimeException e) {
                if (active != null) {
                    active.close();
                }
                throw e;
            }
            return new LogSnapshot(List.copyOf(parts), head, archived, active);
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

    /** Where the archived part of the series ended, when segments were archived. */
    Optional<ArchiveMark> archived() {
        return archived;
    }

    /** The part's bytes: the descriptor opened under the lock for the active file, a fresh one for a segment. */
    FileChannel open(Part part) throws IOException {
        return part.active() ? activeChannel
                : FileChannel.open(part.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void close() throws IOException {
        if (activeChannel != null) {
            activeChannel.close();
        }
    }
}
