package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    public static AuditVerification verify(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return AuditHead.read(file).isPresent()
                    ? AuditVerification.broken(1, 0, 0, "the log is gone but its head file says records were written")
                    : AuditVerification.intact(0, 0, 0);
        }
        return verify(bytes, AuditHead.read(file));
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
