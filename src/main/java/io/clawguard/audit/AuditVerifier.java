package io.clawguard.audit;

import io.clawguard.files.ExclusiveLock;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the audit log and checks the chain: every chained line's hash, its link to the line
 * before and its sequence number. Leading lines without chain fields are the seed's legacy
 * log; the first chained line's {@code prev} seals them.
 */
public final class AuditVerifier {
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
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            bytes = ChainHead.read(ch, 0, length);
        } catch (NoSuchFileException e) {
            return AuditVerification.broken(1, 0, 0, "the log is gone but its head file says records were written");
        }
        return verify(bytes, head);
    }

    static AuditVerification verify(byte[] bytes) {
        return verify(bytes, Optional.empty());
    }

    /** With a head: the chain must reach it, and the record at its seq must carry its hash. */
    @SuppressWarnings("unchecked")
    static AuditVerification verify(byte[] bytes, Optional<AuditHead> head) {
        int legacy = 0;
        long chained = 0;
        int chainStart = 0;
        String prevHash = null;
        int lineNo = 0;
        int pos = 0;
        while (pos < bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', pos);
            lineNo++;
            if (nl < 0) {
                return AuditVerification.broken(lineNo, legacy, chainStart,
                        "torn last line (" + (bytes.length - pos) + " bytes without a newline, left by a crash"
                                + " mid-write); the next write sets it aside");
            }
            String line = new String(bytes, pos, nl - pos, StandardCharsets.UTF_8);
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
            } else {
                if (chainStart == 0) {
                    chainStart = lineNo;
                    prevHash = AuditChain.genesisPrev(Arrays.copyOf(bytes, pos));
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
            pos = nl + 1;
        }
        if (head.isPresent() && head.get().seq() > chained) {
            return AuditVerification.broken(lineNo + 1, legacy, chainStart, "the log ends at seq " + chained
                    + " but its head file recorded seq " + head.get().seq() + ": records at the end were deleted");
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

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
