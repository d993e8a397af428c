package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log rotates into numbered segments, and the chain runs through them. */
class AuditRotationTest {
    private static final long ROTATE_AT = 2_000;

    @TempDir
    Path dir;
    Path file;
    AuditLog log;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("privileged-audit.jsonl");
        log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T10:00:00Z")), ROTATE_AT, new AuditAlarm());
        for (long n = 1; AuditSegments.rotated(file).size() < 3; n++) {
            log.append(AuditAction.EXEC_START, Map.of("argv", List.of("/usr/bin/id", "n" + n)));
        }
    }

    private Path segment(long n) {
        return AuditSegments.file(file, n);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstRecord(Path f) throws Exception {
        return (Map<String, Object>) JsonValues.parse(Files.readAllLines(f).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastRecord(Path f) throws Exception {
        List<String> lines = Files.readAllLines(f);
        return (Map<String, Object>) JsonValues.parse(lines.get(lines.size() - 1));
    }

    @Test
    void aChainAcrossThreeRotatedSegmentsVerifies() throws Exception {
        assertThat(List.of(segment(1), segment(2), segment(3))).allSatisfy(s -> assertThat(s).exists());
        assertThat(Files.size(segment(1))).as("rotated once it reached the size").isBetween(ROTATE_AT, ROTATE_AT + 400);
        assertThat(firstRecord(segment(2)).get("prev")).as("the chain crosses the boundary")
                .isEqualTo(lastRecord(segment(1)).get("hash"));
        assertThat(firstRecord(file).get("seq")).isEqualTo((Long) lastRecord(segment(3)).get("seq") + 1);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).as("%s", v.broken()).isTrue();
        assertThat(v.chainedRecords()).isEqualTo(lastRecord(file).get("seq"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(segment(2)))).isEqualTo("rw-------");
    }

    @Test
    void deletingAMiddleSegmentIsCaught() throws Exception {
        Files.delete(segment(2));
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("segment numbered 2 is missing");
    }

    @Test
    void deletingAMiddleSegmentAndRenumberingTheRestIsCaught() throws Exception {
        Files.move(segment(3), segment(2), StandardCopyOption.REPLACE_EXISTING);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.badFile()).isEqualTo(segment(2).getFileName().toString());
        assertThat(v.firstBadLine()).isEqualTo(1);
        assertThat(v.problem()).contains("a segment before it was deleted, or segments were reordered");
    }

    @Test
    void reorderingMiddleSegmentsIsCaught() throws Exception {
        Path spare = dir.resolve("spare");
        Files.move(segment(2), spare);
        Files.move(segment(3), segment(2));
        Files.move(spare, segment(3));
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.badFile()).isEqualTo(segment(2).getFileName().toString());
        assertThat(v.problem()).contains("segments were reordered");
    }

    @Test
    void anEditInsideAnOlderSegmentIsCaughtThere() throws Exception {
        List<String> lines = Files.readAllLines(segment(1));
        lines.set(1, lines.get(1).replace("\"n2\"", "\"n9\""));
        Files.write(segment(1), lines);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.badFile()).isEqualTo(segment(1).getFileName().toString());
        assertThat(v.firstBadLine()).isEqualTo(2);
        assertThat(v.problem()).contains("line edited");
    }

    @Test
    void archivingTheOldestSegmentsNeedsSince() throws Exception {
        Files.delete(segment(1));
        assertThat(AuditVerifier.verify(file).problem()).contains("earlier segments are missing");
        AuditVerification since = AuditVerifier.verifySince(file, 2);
        assertThat(since.intact()).as("%s", since.broken()).isTrue();
        assertThat(since.lastSeq()).isEqualTo(lastRecord(file).get("seq"));
        assertThatThrownBy(() -> AuditVerifier.verifySince(file, 9)).hasMessageContaining(".000009");
    }

    @Test
    void sinceStillCatchesWhatFollows() throws Exception {
        Files.delete(segment(3));
        assertThat(AuditVerifier.verifySince(file, 2).intact()).isFalse();
    }

    @Test
    void aCrashRightAfterARotationGoesOnFromTheNewestSegment() throws Exception {
        Files.move(file, AuditSegments.file(file, 4));
        long last = (Long) lastRecord(segment(4)).get("seq");
        Map<String, Object> next = log.append(AuditAction.EXEC_FINISH, Map.of());
        assertThat(next.get("seq")).isEqualTo(last + 1);
        assertThat(next.get("prev")).isEqualTo(lastRecord(segment(4)).get("hash"));
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
    }

    @Test
    void cuttingTheNewestSegmentsEndIsCaughtByTheHeadEvenWithTheActiveFileEmpty() throws Exception {
        Files.move(file, AuditSegments.file(file, 4));
        List<String> lines = Files.readAllLines(segment(4));
        Files.write(segment(4), lines.subList(0, lines.size() - 1));
        assertThat(AuditVerifier.verify(file).problem()).contains("records at the end were deleted");
        assertThatThrownBy(() -> log.append(AuditAction.EXEC_FINISH, Map.of()))
                .isInstanceOf(AuditChainBrokenException.class);
        assertThat(firstRecord(file)).containsEntry("action", "audit_chain_broken");
        assertThat(AuditVerifier.verify(file).intact()).isFalse();
    }
}
