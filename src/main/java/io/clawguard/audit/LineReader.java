package io.clawguard.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads lines from a range of a file a large block at a time, handing each to a consumer as a
 * slice of a shared buffer: no per-byte calls and no copy per line, so verification runs at
 * the speed of hashing. Memory stays at one block plus the longest line allowed.
 */
final class LineReader {
    /** Receives one line (without its newline) at {@code offset} in the file; false stops the read. */
    @FunctionalInterface
    interface LineConsumer {
        boolean line(byte[] bytes, int start, int length, long offset) throws IOException;
    }

    /** How a read ends. */
    enum End { COMPLETE, STOPPED, TORN, TOO_LONG }

    static final int BLOCK = 1 << 20;

    private final int maxLine;
    private final Pacer pacer;
    private long tornBytes;

    LineReader(int maxLine, Pacer pacer) {
        this.maxLine = maxLine;
        this.pacer = pacer;
    }

    /** Bytes after the last newline when a read ended {@link End#TORN}. */
    long tornBytes() {
        return tornBytes;
    }

    End read(FileChannel ch, long from, long to, LineConsumer consumer) throws IOException {
        byte[] buf = new byte[BLOCK];
        int filled = 0;
        long bufStart = from;
        long pos = from;
        while (true) {
            if (filled == buf.length) {
                if (buf.length >= maxLine) {
                    return End.TOO_LONG;
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int want = (int) Math.min(buf.length - filled, to - pos);
            int n = want == 0 ? -1 : ch.read(ByteBuffer.wrap(buf, filled, want), pos);
            if (n < 0) {
                tornBytes = filled;
                return filled == 0 ? End.COMPLETE : End.TORN;
            }
            pos += n;
            pacer.pace(n);
            int lineStart = 0;
            for (int i = filled; i < filled + n; i++) {
                if (buf[i] == '\n') {
                    if (!consumer.line(buf, lineStart, i - lineStart, bufStart + lineStart)) {
                        return End.STOPPED;
                    }
                    lineStart = i + 1;
                }
            }
            filled += n;
            if (lineStart > 0) {
                System.arraycopy(buf, lineStart, buf, 0, filled - lineStart);
                filled -= lineStart;
                bufStart += lineStart;
            }
        }
    }
}
