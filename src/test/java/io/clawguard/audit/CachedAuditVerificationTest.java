package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedAuditVerificationTest {
    @Test
    void anyChangeToTheFileMeansAFullVerification(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("privileged-audit.jsonl");
        AuditLog log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T12:00:00Z")));
        CachedAuditVerification cached = new CachedAuditVerification(file);
        assertThat(cached.verify().chainedRecords()).isZero();
        log.append(AuditAction.EXEC_START, Map.of("n", 1L));
        log.append(AuditAction.EXEC_START, Map.of("n", 2L));
        AuditVerification first = cached.verify();
        assertThat(first.chainedRecords()).isEqualTo(2);
        assertThat(cached.verify()).as("unchanged file: the same answer, not read again").isSameAs(first);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0).replace("\"n\":1", "\"n\":7"), lines.get(1)));
        assertThat(cached.verify().intact()).as("an edit of the same size is still noticed").isFalse();
    }

    @Test
    void deletingTheHeadFileAloneIsNoticed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("privileged-audit.jsonl");
        AuditLog log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T12:00:00Z")));
        for (long n = 1; n <= 3; n++) {
            log.append(AuditAction.EXEC_START, Map.of("n", n));
        }
        CachedAuditVerification cached = new CachedAuditVerification(file);
        assertThat(cached.verify().intact()).isTrue();
        Files.delete(AuditHead.fileFor(file));
        assertThat(cached.verify().problem()).contains("no head file");
    }
}
