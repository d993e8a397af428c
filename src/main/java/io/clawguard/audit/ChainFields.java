package io.clawguard.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The chain fields of one audit line read straight from its bytes, for the fast path of
 * verification. The writer writes each record in canonical form (keys sorted, compact), so
 * the canonical JSON its hash covers is the line itself with the {@code hash} member cut out:
 * hashing those bytes checks the record without building it. A line not in that form
 * (hand-written, or an older writer's) yields null and is checked the slow way; either way
 * the hash binds every byte a reader sees.
 */
record ChainFields(long seq, String prev, String hash, boolean hashMatches) {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    /** Null when the line is not a compact object with sorted keys carrying seq, prev and hash. */
    static ChainFields read(byte[] bytes, int start, int length, MessageDigest sha256) {
        try (JsonParser p = JSON.createParser(bytes, start, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String previousName = null;
            Long seq = null;
            String prev = null;
            String hash = null;
            int hashFrom = -1;
            int hashTo = -1;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                if (previousName != null && name.compareTo(previousName) <= 0) {
                    return null;
                }
                previousName = name;
                int nameAt = (int) p.currentTokenLocation().getByteOffset();
                JsonToken value = p.nextToken();
                switch (name) {
                    case AuditChain.SEQ -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            return null;
                        }
                        seq = p.getLongValue();
                    }
                    case AuditChain.PREV -> prev = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case AuditChain.HASH -> {
                        hash = value == JsonToken.VALUE_STRING ? p.getText() : null;
                        hashFrom = nameAt;
                        hashTo = (int) p.currentLocation().getByteOffset();
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null
                    || seq == null || prev == null || hash == null) {
                return null;
            }
            return new ChainFields(seq, prev, hash, hashOfRest(bytes, start, length, hashFrom, hashTo, sha256, hash));
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * Hashes the line without the hash member and the comma that joined it to its neighbour, as
     * the canonical form of the record without {@code hash} is written.
     */
    private static boolean hashOfRest(byte[] bytes, int start, int length, int from, int to, MessageDigest sha256,
                                      String hash) {
        if (bytes[start + from - 1] == ',') {
            from--;
        } else if (start + to < start + length - 1 && bytes[start + to] == ',') {
            to++;
        }
        sha256.reset();
        sha256.update(bytes, start, from);
        sha256.update(bytes, start + to, length - to);
        return HEX.formatHex(sha256.digest()).equals(hash);
    }
}
