package io.clawguard.approval;

import io.clawguard.files.OwnerOnlyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The second factor an approver types with an approval. Compared in constant time, over
 * fixed-length digests so the length of the secret leaks nothing either.
 */
public final class ApprovalToken {
    private final byte[] digest;

    private ApprovalToken(String secret) {
        this.digest = sha256(secret);
    }

    public static ApprovalToken of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an approval token must not be empty");
        }
        return new ApprovalToken(secret.strip());
    }

    /** Reads the token from a file that only its owner may read. */
    public static ApprovalToken fromFile(Path file, int currentUid) throws IOException {
        OwnerOnlyFile.check(file, currentUid, true);
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty: put the approval token in it");
        }
        return new ApprovalToken(secret);
    }

    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(digest, sha256(candidate.strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
