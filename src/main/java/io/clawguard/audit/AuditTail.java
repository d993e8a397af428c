package io.clawguard.audit;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the newest complete lines of the audit log (reaching back into rotated segments when
 * the active file holds too few), and then what has been appended since, following the active
 * file through a rotation. Reads are bounded: the cost is that of the lines wanted, whatever the
 * log's size.
 */
public final class AuditTail {
    private static final int BLOCK = 64 * 1024;
    /** The most one call of {@link #appended()} reads: a log that grew by gigabytes is caught up over several. */
    static final int MAX_READ = 1 << 20;
    /** The most {@link #last(int)} reads back from the end: a planted line of gigabytes is not loaded. */
    static final int MAX_TAIL_BYTES = 32 << 20;

    private final Path file;
    private final int maxRead;
    private long inode = -1;
    private long offset;

    public AuditTail(Path file) {
        this.file = file;
        this.maxRead = MAX_READ;
    }

    /**
     * A tail whose {@link #appended()} starts at {@code offset} of the file with inode
     * {@code inode} and reads whole lines up to the longest the log accepts: a reader that must
     * miss no record (forwarding) takes a record of megabytes whole, where the screen's tail
     * would step over it.
     */
    AuditTail(Path file, long inode, long offset) {
        this.file = file;
        this.inode = inode;
        this.offset = offset;
        this.maxRead = AuditVerifier.MAX_LINE_BYTES + 1;
    }

    /** The last {@code n} complete lines; later calls to {@link #appended()} start after them. */
    public List<String> last(int n) throws IOException {
        List<String> lines = new ArrayList<>();
        offset = 0;
        inode = inodeOf(file);
        if (inode >= 0) {
            offset = lastLines(file, n, lines);
        }
        List<AuditSegments.Segment> rotated = AuditSegments.rotated(file);
        for (int i = rotated.size() - 1; i >= 0 && lines.size() < n; i--) {
            if (!Files.isRegularFile(rotated.get(i).file(), LinkOption.NOFOLLOW_LINKS)) {
                // A pipe named like a segment would block the read; verify names it.
                break;
            }
            List<String> older = new ArrayList<>();
            lastLines(rotated.get(i).file(), n - lines.size(), older);
            lines.addAll(0, older);
        }
        return lines;
    }

    /**
     * Complete lines appended since the last call, at most {@link #MAX_READ} bytes of them (a
     * resumed tail: the longest line the log accepts); a
     * torn tail waits until its newline arrives. After a rotation, the rest of the file that was
     * followed comes first (it is now the newest segment), then the new file from its start.
     */
    public List<String> appended() throws IOException {
        List<String> lines = new ArrayList<>();
        long now = inodeOf(file);
        while (now != inode) {
            List<AuditSegments.Segment> rotated = AuditSegments.rotated(file);
            int at = indexOf(rotated, inode);
            if (at < 0) {
                // Never followed, or gone: start on the active file.
                inode = now;
                offset = 0;
                break;
            }
            long next = readFrom(rotated.get(at).file(), offset, lines, maxRead);
            if (next != offset) {
                offset = next;
                return lines;
            }
            // Read to its end: on to the segment rotated after it, or the active file.
            inode = at + 1 < rotated.size() ? inodeOf(rotated.get(at + 1).file()) : now;
            offset = 0;
        }
        if (now >= 0) {
            offset = readFrom(file, offset, lines, maxRead);
        }
        return lines;
    }

    private static int indexOf(List<AuditSegments.Segment> rotated, long wanted) throws IOException {
        for (int i = rotated.size() - 1; i >= 0 && wanted >= 0; i--) {
            if (inodeOf(rotated.get(i).file()) == wanted) {
                return i;
            }
        }
        return -1;
    }

    static long inodeOf(Path f) throws IOException {
        try {
            return ((Number) Files.getAttribute(f, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /**
     * Adds the last {@code n} complete lines of {@code f} to {@code into}, read backwards a block
     * at a time; returns the offset just after the last complete line.
     */
    private static long lastLines(Path f, int n, List<String> into) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long size = raf.length();
            byte[] block = new byte[BLOCK];
            List<byte[]> pieces = new ArrayList<>();
            long pos = size;
            int newlines = 0;
            long lastNewline = -1;
            while (pos > 0 && newlines <= n && size - pos < MAX_TAIL_BYTES) {
                int length = (int) Math.min(BLOCK, pos);
                pos -= length;
                raf.seek(pos);
                raf.readFully(block, 0, length);
                for (int i = length - 1; i >= 0; i--) {
                    if (block[i] == '\n') {
                        newlines++;
                        lastNewline = Math.max(lastNewline, pos + i);
                    }
                }
                pieces.add(0, Arrays.copyOf(block, length));
            }
            // No newline within reach: follow from the end, never replay what could not be read.
            long end = lastNewline < 0 && pos > 0 ? size : lastNewline + 1;
            byte[] bytes = join(pieces);
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (pos > 0 && !lines.isEmpty()) {
                // The first piece began inside a line the blocks did not reach the start of.
                lines.remove(0);
            }
            into.addAll(lines.subList(Math.max(0, lines.size() - n), lines.size()));
            return end;
        }
    }

    private static byte[] join(List<byte[]> pieces) {
        int total = pieces.stream().mapToInt(p -> p.length).sum();
        byte[] joined = new byte[total];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, joined, at, p.length);
            at += p.length;
        }
        return joined;
    }

    /**
     * Adds the complete lines from {@code from}, reading {@link #MAX_READ} bytes, or more when one
     * line is longer, up to {@code maxRead}; returns where the next read starts.
     */
    private static long readFrom(Path f, long from, List<String> into, int maxRead) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            long size = raf.length();
            if (size < from) {
                from = 0;
            }
            int want = Math.min(MAX_READ, maxRead);
            while (true) {
                byte[] bytes = new byte[(int) Math.min(want, size - from)];
                raf.seek(from);
                raf.readFully(bytes);
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        into.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                        start = i + 1;
                    }
                }
                if (start > 0 || bytes.length < want) {
                    return from + start;
                }
                if (want >= maxRead) {
                    // No newline in the longest read allowed: no record is that long, so it is damage; step over it.
                    return from + bytes.length;
                }
                want = (int) Math.min(maxRead, (long) want * 4);
            }
        } catch (FileNotFoundException gone) {
            return from;
        }
    }
}
