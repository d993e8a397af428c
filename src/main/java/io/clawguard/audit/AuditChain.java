package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of the audit log. Each record's {@code hash} is SHA-256 over its canonical
 * JSON (keys sorted, compact, UTF-8) without the {@code hash} field; {@code prev} is the
 * previous record's hash. The first chained record's {@code prev} is the SHA-256 of every
 * byte before it, so the seed's unchained lines are sealed too.
 */
public final class AuditChain {
    public static final String SEQ = "seq";
    public static final String PREV = "prev";
    public static final String HASH = "hash";

    private AuditChain() {
    }

    public static String hashOf(Map<String, Object> record) {
        Map<String, Object> withoutHash = new TreeMap<>(record);
        withoutHash.remove(HASH);
        return sha256(JsonValues.canonical(withoutHash).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The {@code prev} of the first chained record after {@code prefix}. */
    public static String genesisPrev(byte[] prefix) {
        return sha256(prefix);
    }

    /** The same, for a legacy prefix fed line by line into {@link #newDigest()}. */
    static String genesisPrev(MessageDigest prefix) {
        return HexFormat.of().formatHex(prefix.digest());
    }

    static MessageDigest newDigest() {
        return digest();
    }

    public static boolean isChained(Map<String, Object> record) {
        return record.containsKey(HASH) || record.containsKey(SEQ) || record.containsKey(PREV);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
