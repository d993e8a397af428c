package io.clawguard.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Reads the newest complete lines of the audit log, and what has been appended since. */
public final class AuditTail {
    private static final int BLOCK = 64 * 1024;
    private final Path file;
    private long offset;

    public AuditTail(Path file) {
        this.file = file;
    }

    /**
     * The last {@code n} complete lines, read backwards from the end a block at a time, so the
     * cost is that of the lines wanted, whatever the log's size; later calls to
     * {@link #appended()} start after them.
     */
    public List<String> last(int n) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            offset = 0;
            return List.of();
        }
        Deque<byte[]> blocks = new ArrayDeque<>();
        long pos = size;
        int newlines = 0;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            while (pos > 0 && newlines <= n) {
                int length = (int) Math.min(BLOCK, pos);
                pos -= length;
                byte[] block = new byte[length];
                raf.seek(pos);
                raf.readFully(block);
                blocks.addFirst(block);
                for (byte b : block) {
                    newlines += b == '\n' ? 1 : 0;
                }
            }
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] block : blocks) {
            joined.write(block);
        }
        byte[] bytes = joined.toByteArray();
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
        offset = pos + start;
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /** Complete lines appended since the last call; a torn tail waits until its newline arrives. */
    public List<String> appended() throws IOException {
        return readFrom(offset);
    }

    private List<String> readFrom(long from) throws IOException {
        List<String> lines = new ArrayList<>();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            offset = 0;
            return lines;
        }
        if (size < from) {
            from = 0;
        }
        byte[] bytes = new byte[(int) (size - from)];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(from);
            raf.readFully(bytes);
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        offset = from + start;
        return lines;
    }
}
