package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Where the chain stands at the end of the log: the last record's {@code seq}, {@code hash}
 * and {@code prev} (null before the first chained record), found by reading backwards from
 * the end so an append costs the same however long the log is. {@code tornAside} holds the
 * record fields when a torn tail was set aside on the way.
 */
record ChainHead(long seq, String hash, String prev, AuditFields tornAside) {
    private static final int BLOCK = 8192;

    /** Sets aside bytes from {@code start} to the end of the log; returns the fields to record. */
    @FunctionalInterface
    interface TornTailHandler {
        AuditFields setAside(FileChannel ch, long start) throws IOException;
    }

    static ChainHead of(FileChannel ch, TornTailHandler torn) throws IOException {
        AuditFields tornFields = null;
        long size = ch.size();
        if (size > 0 && byteAt(ch, size - 1) != '\n') {
            tornFields = torn.setAside(ch, lineStart(ch, size - 1));
            size = ch.size();
        }
        for (long end = size; end > 0; ) {
            Line line = lineBefore(ch, end);
            if (line.record() != null && line.record().get(AuditChain.HASH) instanceof String hash
                    && line.record().get(AuditChain.SEQ) instanceof Long seq) {
                return new ChainHead(seq, hash, (String) line.record().get(AuditChain.PREV), tornFields);
            }
            end = line.start();
        }
        return new ChainHead(0, genesisPrev(ch, size), null, tornFields);
    }

    /** One line read backwards: where it starts, and the record on it (null when it holds none). */
    private record Line(long start, Map<String, Object> record) {
    }

    private static Line lineBefore(FileChannel ch, long end) throws IOException {
        long start = lineStart(ch, end - 1);
        // A line longer than any record is damage (verify names it): never read into memory.
        return new Line(start, end - 1 - start > AuditVerifier.MAX_LINE_BYTES ? null
                : parse(read(ch, start, end - 1 - start)));
    }

    /** The prev of the first chained record: the digest of every byte before it, a block at a time. */
    private static String genesisPrev(FileChannel ch, long size) throws IOException {
        MessageDigest digest = AuditChain.newDigest();
        ByteBuffer block = ByteBuffer.allocate(1 << 16);
        for (long at = 0; at < size; ) {
            block.clear().limit((int) Math.min(block.capacity(), size - at));
            int n = ch.read(block, at);
            if (n < 0) {
                throw new IOException("audit log shrank while being read");
            }
            block.flip();
            digest.update(block);
            at += n;
        }
        return AuditChain.genesisPrev(digest);
    }

    /**
     * The hash of the record with {@code seq}, looked for in the last {@code lines} lines of the
     * file; null when it is not among them.
     */
    static String hashAt(FileChannel ch, long seq, int lines) throws IOException {
        long end = ch.size();
        for (int i = 0; i < lines && end > 0; i++) {
            Line line = lineBefore(ch, end);
            if (line.record() != null && line.record().get(AuditChain.SEQ) instanceof Long s && s == seq
                    && line.record().get(AuditChain.HASH) instanceof String hash) {
                return hash;
            }
            end = line.start();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] line) {
        try {
            Object value = JsonValues.parse(new String(line, StandardCharsets.UTF_8));
            return value instanceof Map ? (Map<String, Object>) value : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The offset just after the newline before {@code pos}, or 0. */
    static long lineStart(FileChannel ch, long pos) throws IOException {
        long blockEnd = pos;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - BLOCK);
            byte[] block = read(ch, blockStart, blockEnd - blockStart);
            for (int i = block.length - 1; i >= 0; i--) {
                if (block[i] == '\n') {
                    return blockStart + i + 1;
                }
            }
            blockEnd = blockStart;
        }
        return 0;
    }

    private static byte byteAt(FileChannel ch, long pos) throws IOException {
        return read(ch, pos, 1)[0];
    }

    static byte[] read(FileChannel ch, long pos, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("audit log line too long to read: " + length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                throw new IOException("audit log shrank while being read");
            }
        }
        return buf.array();
    }
}
