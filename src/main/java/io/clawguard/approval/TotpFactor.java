package io.clawguard.approval;

import io.clawguard.files.OwnerOnlyFile;
import io.clawguard.files.PrivateDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA1, 30-second steps, 6 digits, and one
 * step of clock drift either way. The secret is Base32 in a file only its owner can read.
 */
public final class TotpFactor implements SecondFactor {
    static final long STEP_SECONDS = 30;
    private static final int DIGITS = 6;

    private final byte[] secret;
    /**
     * Per admin, the step of the last code accepted from them: it and every earlier step are
     * spent for them (RFC 6238 §5.2). Per admin because the secret is shared: under the
     * two-person rule the second admin types the code the first just did.
     */
    private final Map<Integer, Long> lastAcceptedStep = new HashMap<>();

    public TotpFactor(byte[] secret) {
        if (secret.length < 10) {
            throw new IllegalArgumentException("a TOTP secret needs at least 80 bits");
        }
        this.secret = secret.clone();
    }

    public static TotpFactor fromFile(Path file, int currentUid) throws IOException {
        OwnerOnlyFile.check(file, currentUid, true);
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return new TotpFactor(Base32.decode(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /**
     * Writes a fresh random secret (160 bits) to {@code file}, readable by its owner only,
     * and returns it in Base32 for the authenticator app. Refuses to replace an existing one.
     */
    public static String enrol(Path file, SecureRandom random) throws IOException {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        String text = Base32.encode(secret);
        PrivateDirectory.create(file.toAbsolutePath().getParent());
        // Created owner-only: there is no moment at which the umask's permissions apply.
        try (var out = Files.newByteChannel(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            out.write(java.nio.ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
        return text;
    }

    @Override
    public boolean required() {
        return true;
    }

    /**
     * Accepts a code of the current step or one either side, once per admin: a code that admin
     * already used, or one of a step at or before the last they had accepted, is refused.
     */
    @Override
    public synchronized boolean verify(String input, Instant now, int approverUid) {
        String typed = input == null ? "" : input.strip();
        long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        long matched = Long.MIN_VALUE;
        for (long s = step - 1; s <= step + 1; s++) {
            if (MessageDigest.isEqual(code(s).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                matched = s;
            }
        }
        if (matched == Long.MIN_VALUE || matched <= lastAcceptedStep.getOrDefault(approverUid, Long.MIN_VALUE)) {
            return false;
        }
        lastAcceptedStep.put(approverUid, matched);
        return true;
    }

    /** The code for one 30-second step (RFC 4226 dynamic truncation). */
    String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JVM", e);
        }
    }
}
