package io.clawguard.audit;

import io.clawguard.files.ExclusiveLock;
import io.clawguard.json.JsonValues;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the audit log and checks the chain: every chained line's hash, its link to the line
 * before and its sequence number. Leading lines without chain fields are the seed's legacy
 * log; the first chained line's {@code prev} seals them.
 */
public final class AuditVerifier {
    /** No honest record comes near this: a line longer is damage, and is not read into memory. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private AuditVerifier() {
    }

    /**
     * Verifies the log as it stood at one instant: the head and the log's length are taken
     * together under the writers' lock (held only for that), then the log is read up to that
     * length. Records appended meanwhile are beyond it, so a verify running beside writers never
     * sees a head ahead of its log, a half-written head, or a half-written last line.
     */
    public static AuditVerification verify(Path file) throws IOException {
        if (!Files.isDirectory(file.toAbsolutePath().getParent())) {
            // Nothing to read, and a reader creates no folder (the lock would).
            return AuditVerification.intact(0, 0, 0);
        }
        Optional<AuditHead> head;
        long length;
        try (ExclusiveLock ignored = ExclusiveLock.acquire(AuditLog.lockFileOf(file))) {
            head = AuditHead.read(file);
            length = Files.exists(file) ? Files.size(file) : -1;
        }
        if (length < 0) {
            return head.isPresent()
                    ? AuditVerification.broken(1, 0, 0, "the log is gone but its head file says records were written")
                    : AuditVerification.intact(0, 0, 0);
        }
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(
                FileChannel.open(file, StandardOpenOption.READ)), 1 << 16)) {
            return verify(new BoundedInput(in, length), head);
        } catch (NoSuchFileException e) {
            return AuditVerification.broken(1, 0, 0, "the log is gone but its head file says records were written");
        }
    }

    /** The first {@code limit} bytes of a stream: what the log held when the head was read. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }
    }

    /**
     * Streams the log line by line, holding one line at a time, whatever the log's size. With a
     * head: the chain must reach it, and the record at its seq must carry its hash.
     */
    @SuppressWarnings("unchecked")
    static AuditVerification verify(InputStream in, Optional<AuditHead> head) throws IOException {
        MessageDigest legacyBytes = AuditChain.newDigest();
        int legacy = 0;
        long chained = 0;
        int chainStart = 0;
        String prevHash = null;
        int lineNo = 0;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                if (buffer.size() > 0) {
                    return AuditVerification.broken(lineNo + 1, legacy, chainStart, "torn last line (" + buffer.size()
                            + " bytes without a newline, left by a crash mid-write); the next write sets it aside");
                }
                break;
            }
            if (b != '\n') {
                if (buffer.size() >= MAX_LINE_BYTES) {
                    return AuditVerification.broken(lineNo + 1, legacy, chainStart, "a line longer than "
                            + MAX_LINE_BYTES + " bytes");
                }
                buffer.write(b);
                continue;
            }
            lineNo++;
            String line = buffer.toString(StandardCharsets.UTF_8);
            Map<String, Object> record;
            try {
                Object value = JsonValues.parse(line);
                if (!(value instanceof Map)) {
                    return AuditVerification.broken(lineNo, legacy, chainStart, "not a JSON object");
                }
                record = (Map<String, Object>) value;
            } catch (IOException e) {
                return AuditVerification.broken(lineNo, legacy, chainStart, "not valid JSON");
            }
            if (!AuditChain.isChained(record)) {
                if (chainStart > 0) {
                    return AuditVerification.broken(lineNo, legacy, chainStart,
                            "unchained line inside the chain (inserted)");
                }
                legacy++;
                legacyBytes.update(buffer.toByteArray());
                legacyBytes.update((byte) '\n');
            } else {
                if (chainStart == 0) {
                    chainStart = lineNo;
                    prevHash = AuditChain.genesisPrev(legacyBytes);
                }
                String problem = checkLink(record, chained + 1, prevHash);
                if (problem != null) {
                    return AuditVerification.broken(lineNo, legacy, chainStart, problem);
                }
                chained++;
                prevHash = (String) record.get(AuditChain.HASH);
                if (head.isPresent() && head.get().seq() == chained && !head.get().hash().equals(prevHash)) {
                    return AuditVerification.broken(lineNo, legacy, chainStart,
                            "the record differs from the one the head file recorded (the end was rewritten)");
                }
            }
            buffer.reset();
        }
        if (head.isPresent() && head.get().seq() > chained) {
            return AuditVerification.broken(lineNo + 1, legacy, chainStart, "the log ends at seq " + chained
                    + " but its head file recorded seq " + head.get().seq() + ": records at the end were deleted");
        }
        if (head.isPresent() && head.get().seq() >= 0 && head.get().seq() < chained - 1) {
            // A writer moves the head with every record; a crash leaves it one behind at most.
            return AuditVerification.broken(lineNo + 1, legacy, chainStart, "the log ends at seq " + chained
                    + " but its head file recorded seq " + head.get().seq() + ": records were added without it");
        }
        if (head.isEmpty() && chained > 1) {
            return AuditVerification.broken(lineNo + 1, legacy, chainStart, "the log ends at seq " + chained
                    + " but has no head file (deleted with the records after it?)");
        }
        if (head.isPresent() && head.get().seq() < 0) {
            return AuditVerification.broken(lineNo + 1, legacy, chainStart, "the head file cannot be read");
        }
        return AuditVerification.intact(legacy, chainStart, chained);
    }

    private static String checkLink(Map<String, Object> record, long expectedSeq, String expectedPrev) {
        if (!(record.get(AuditChain.HASH) instanceof String hash)) {
            return "missing \"hash\"";
        }
        if (!hash.equals(AuditChain.hashOf(record))) {
            return "hash does not match the record's content (line edited)";
        }
        if (!(record.get(AuditChain.SEQ) instanceof Long seq)) {
            return "missing \"seq\"";
        }
        if (seq != expectedSeq) {
            return "seq is " + seq + " where " + expectedSeq + " was expected (a line was deleted, inserted or moved)";
        }
        if (!expectedPrev.equals(record.get(AuditChain.PREV))) {
            return "prev does not match the hash of the record before it (a line was deleted, inserted or moved)";
        }
        return null;
    }
}
