package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a reader that has handled the log up to record {@code seq} goes on: just after that
 * record, found by the first {@code seq} of each file (newest first) and then a read of the one
 * file that holds it. When the record is not there with the hash the reader remembers, the log
 * is not the one it read (replaced, restored, cut), and it starts again from the oldest file.
 */
public final class AuditResume {
    /** How far into a file its first chained record is looked for: past that, a seed prefix is not worth the wait. */
    private static final long FIRST_SEQ_WITHIN = 64L << 20;

    /** The tail to follow, and whether it continues the reader's own history. */
    public record Start(AuditTail tail, boolean continues) {
    }

    private AuditResume() {
    }

    public static Start after(Path log, long seq, String hash) throws IOException {
        List<Path> files = new ArrayList<>();
        AuditSegments.rotated(log).forEach(s -> files.add(s.file()));
        files.add(log);
        files.removeIf(f -> !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
        if (files.isEmpty()) {
            return new Start(new AuditTail(log, -1, 0), seq == 0);
        }
        if (seq > 0) {
            for (int i = files.size() - 1; i >= 0; i--) {
                long first = firstSeq(files.get(i));
                if (first >= 0 && first <= seq) {
                    long after = offsetAfter(files.get(i), seq, hash);
                    if (after >= 0) {
                        return new Start(new AuditTail(log, AuditTail.inodeOf(files.get(i)), after), true);
                    }
                    break;
                }
            }
            if (firstSeq(files.get(0)) <= seq) {
                return new Start(new AuditTail(log, AuditTail.inodeOf(files.get(0)), 0), false);
            }
        }
        // Everything left starts after the reader's last record (older segments archived): no gap of ours.
        return new Start(new AuditTail(log, AuditTail.inodeOf(files.get(0)), 0), true);
    }

    /** A tail from the oldest file of the series, reading lines as long as the log accepts. */
    public static AuditTail fromStart(Path log) {
        return new AuditTail(log, -1, 0);
    }

    /** The first chained record's seq in the file, or -1 when it has none near its start. */
    private static long firstSeq(Path file) throws IOException {
        long[] found = {-1};
        scan(file, (record, end) -> {
            if (record.get(AuditChain.SEQ) instanceof Number n) {
                found[0] = n.longValue();
                return false;
            }
            return end < FIRST_SEQ_WITHIN;
        });
        return found[0];
    }

    /** The offset just after record {@code seq} when it carries {@code hash}; -1 otherwise. */
    private static long offsetAfter(Path file, long seq, String hash) throws IOException {
        long[] found = {-1};
        scan(file, (record, end) -> {
            if (record.get(AuditChain.SEQ) instanceof Number n && n.longValue() >= seq) {
                if (n.longValue() == seq && hash.equals(record.get(AuditChain.HASH))) {
                    found[0] = end;
                }
                return false;
            }
            return true;
        });
        return found[0];
    }

    @FunctionalInterface
    private interface RecordVisitor {
        boolean visit(Map<?, ?> record, long endOffset);
    }

    private static void scan(Path file, RecordVisitor visitor) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            new LineReader(AuditVerifier.MAX_LINE_BYTES, Pacer.FULL_SPEED).read(ch, 0, ch.size(),
                    (bytes, start, length, offset) -> {
                        Object parsed;
                        try {
                            parsed = JsonValues.parse(new String(bytes, start, length, StandardCharsets.UTF_8));
                        } catch (IOException damaged) {
                            return true;
                        }
                        return !(parsed instanceof Map<?, ?> m) || visitor.visit(m, offset + length + 1);
                    });
        }
    }
}
