package io.clawguard.audit;

import io.clawguard.files.AtomicFile;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the chain ended at the last append ({@code privileged-audit.jsonl.head}: seq and
 * hash), kept beside the log. A chain alone cannot tell that its last records were cut off;
 * the head can. It may lag one record behind after a crash, never run ahead.
 */
public record AuditHead(long seq, String hash) {

    static Path fileFor(Path log) {
        return log.resolveSibling(log.getFileName() + ".head");
    }

    /**
     * Rewrites the head in place with one small write and an fsync: cheaper on the exec path
     * than a temp file and a rename, and a torn head (a crash mid-write) reads as unreadable,
     * which verify reports rather than trusts.
     */
    static void write(Path log, long seq, String hash) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("hash", hash);
        ByteBuffer bytes = ByteBuffer.wrap((JsonValues.canonical(m) + "\n").getBytes(StandardCharsets.UTF_8));
        // Never through a link: root must not be made to overwrite whatever a link beside the log names.
        try (FileChannel ch = FileChannel.open(fileFor(log), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY))) {
            while (bytes.hasRemaining()) {
                ch.write(bytes, bytes.position());
            }
            ch.truncate(bytes.limit());
            ch.force(false);
        }
    }

    /** Empty when there is no head (a seed log, or one written before heads existed) or it is unreadable. */
    static Optional<AuditHead> read(Path log) throws IOException {
        String text;
        try {
            text = Files.readString(fileFor(log), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            if (JsonValues.parse(text) instanceof Map<?, ?> m && m.get("seq") instanceof Long seq
                    && m.get("hash") instanceof String hash) {
                return Optional.of(new AuditHead(seq, hash));
            }
        } catch (IOException unreadable) {
            return Optional.of(new AuditHead(-1, "unreadable"));
        }
        return Optional.of(new AuditHead(-1, "unreadable"));
    }

    /**
     * How far the head may lag the log's end: the head is written once per hold of the lock,
     * after all its records (a batch of network records, a torn line's record before another),
     * so a crash or a kill in between leaves it that many records behind, never ahead.
     */
    static final int MAX_LAG = 2 * NetworkAuditWriter.BATCH;

    /** The hash of the record with a given seq near the end of the log, or null when it is not there. */
    @FunctionalInterface
    interface RecentHashes {
        String hashAt(long seq) throws IOException;
    }

    /**
     * Why the log's end disagrees with its head, or null when it agrees. The head may lag up to
     * {@link #MAX_LAG} records as long as the record it names is still there with its hash (a
     * crash between records and head), and may be missing while the chain holds at most one
     * record (a log from before chaining, or a crash before the first head).
     */
    static String disagreement(Optional<AuditHead> head, ChainHead end, RecentHashes recent) throws IOException {
        if (head.isEmpty()) {
            return end.seq() <= 1 ? null
                    : "the log ends at seq " + end.seq() + " but has no head file (deleted with the records after it?)";
        }
        AuditHead h = head.get();
        if (h.seq() < 0) {
            return "the head file cannot be read";
        }
        boolean atEnd = h.seq() == end.seq() && h.hash().equals(end.hash());
        boolean oneBehind = h.seq() == end.seq() - 1 && h.hash().equals(end.prev());
        boolean lagging = h.seq() < end.seq() - 1 && h.seq() >= end.seq() - MAX_LAG && h.hash().equals(recent.hashAt(h.seq()));
        if (atEnd || oneBehind || lagging) {
            return null;
        }
        if (h.seq() > end.seq()) {
            return "the log ends at seq " + end.seq() + " but its head file recorded seq " + h.seq()
                    + ": records at the end were deleted";
        }
        return "the log ends at seq " + end.seq() + " but its head file recorded seq " + h.seq()
                + " with another hash: the end was rewritten";
    }
}
