package io.clawguard.audit;

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
    private final Path file;
    private long offset;

    public AuditTail(Path file) {
        this.file = file;
    }

    /** The last {@code n} complete lines; later calls to {@link #appended()} start after them. */
    public List<String> last(int n) throws IOException {
        Deque<String> lines = new ArrayDeque<>();
        for (String line : readFrom(0)) {
            lines.addLast(line);
            if (lines.size() > n) {
                lines.removeFirst();
            }
        }
        return new ArrayList<>(lines);
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
