package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.files.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpFactorTest {
    /** RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; a fresh verifier, nothing spent yet. */
    private static final int ADMIN = 2001;

    private static TotpFactor rfc() {
        return new TotpFactor("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "t={0}")
    @CsvSource({"59,287082", "1111111109,081804", "1111111111,050471", "1234567890,005924", "2000000000,279037",
        "20000000000,353130"})
    void matchesTheRfcTestVectors(long epochSeconds, String code) {
        assertThat(rfc().code(epochSeconds / 30)).isEqualTo(code);
        assertThat(rfc().verify(code, Instant.ofEpochSecond(epochSeconds), ADMIN)).isTrue();
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant t = Instant.ofEpochSecond(1111111111);
        String now = rfc().code(1111111111 / 30);
        assertThat(rfc().verify(now, t.plusSeconds(30), ADMIN)).isTrue();
        assertThat(rfc().verify(now, t.minusSeconds(30), ADMIN)).isTrue();
        assertThat(rfc().verify(now, t.plusSeconds(90), ADMIN)).isFalse();
        assertThat(rfc().verify("000000", t, ADMIN)).isFalse();
        assertThat(rfc().verify("", t, ADMIN)).isFalse();
    }

    @Test
    void aCodeIsAcceptedOnceAndNoCodeOfAnEarlierStepAfterIt() {
        TotpFactor totp = rfc();
        Instant t = Instant.ofEpochSecond(1111111111);
        long step = 1111111111 / 30;
        assertThat(totp.verify(totp.code(step), t, ADMIN)).isTrue();
        assertThat(totp.verify(totp.code(step), t, ADMIN)).as("the same code again (RFC 6238 §5.2)").isFalse();
        assertThat(totp.verify(totp.code(step), t.plusSeconds(20), ADMIN)).as("still in its window").isFalse();
        assertThat(totp.verify(totp.code(step - 1), t, ADMIN)).as("a code of an earlier step").isFalse();
        assertThat(totp.verify(totp.code(step + 1), t.plusSeconds(30), ADMIN)).as("the next step's code").isTrue();
    }

    @Test
    void theSecondAdminOfATwoPersonCommandMayTypeTheCodeTheFirstJustUsed() {
        TotpFactor totp = rfc();
        Instant t = Instant.ofEpochSecond(1111111111);
        String code = totp.code(1111111111 / 30);
        assertThat(totp.verify(code, t, ADMIN)).isTrue();
        assertThat(totp.verify(code, t, ADMIN + 1)).as("another admin, the same shared secret").isTrue();
        assertThat(totp.verify(code, t, ADMIN + 1)).as("but once each").isFalse();
    }

    @Test
    void enrolWritesAnOwnerOnlySecretThatLoadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("totp-secret");
        String secret = TotpFactor.enrol(file, new SecureRandom());
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        TotpFactor loaded = TotpFactor.fromFile(file, ProcessIdentity.uid());
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        assertThat(loaded.verify(loaded.code(now.getEpochSecond() / 30), now, ADMIN)).isTrue();
        assertThatThrownBy(() -> TotpFactor.enrol(file, new SecureRandom()))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TotpFactor.fromFile(file, ProcessIdentity.uid())).hasMessageContaining("readable by group");
    }

    @Test
    void base32RoundTripsAndRejectsForeignCharacters() {
        byte[] data = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(data)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(data);
        assertThatThrownBy(() -> Base32.decode("GEZ1")).hasMessageContaining("unexpected '1'");
    }
}
