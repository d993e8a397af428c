package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oldest segments can leave the disk; what is left still verifies, and a plain deletion still shows. */
class AuditArchiveTest {
    @TempDir
    Path dir;
    Path file;
    AuditLog log;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("privileged-audit.jsonl");
        log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T10:00:00Z")), 1_500, new AuditAlarm());
        for (long n = 1; AuditSegments.rotated(file).size() < 4; n++) {
            log.append(AuditAction.EXEC_START, Map.of("n", n));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void archivedSegmentsLeaveASeriesThatStillVerifiesAndTheChainSaysSo() throws Exception {
        Path into = dir.resolve("privileged-audit.archive");
        AuditArchive.Result r = AuditArchive.archive(file, 2, into, log);

        assertThat(r.segments()).isEqualTo(2);
        assertThat(AuditSegments.rotated(file)).extracting(AuditSegments.Segment::number).containsExactly(3L, 4L);
        assertThat(into.resolve(AuditSegments.file(file, 1).getFileName())).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(into))).isEqualTo("rwx------");
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).as("%s", v.broken()).isTrue();
        List<String> lines = Files.readAllLines(file);
        Map<String, Object> last = (Map<String, Object>) JsonValues.parse(lines.get(lines.size() - 1));
        assertThat(last).containsEntry("action", "audit_archived").containsEntry("through_segment", 2L)
                .containsEntry("through_seq", r.throughSeq());
        AuditAlarm alarm = new AuditAlarm();
        AuditChainWatch watch = new AuditChainWatch(file, alarm, true);
        watch.fullPass(Pacer.FULL_SPEED);
        assertThat(watch.verify().intact()).isTrue();
        assertThat(alarm.reason()).as("the broker's full pass agrees").isNull();
    }

    @Test
    void deletingTheNextSegmentAfterAnArchiveIsStillCaught() throws Exception {
        AuditArchive.archive(file, 2, dir.resolve("archive"), log);
        Files.delete(AuditSegments.file(file, 3));
        assertThat(AuditVerifier.verify(file).intact()).isFalse();
    }

    @Test
    void aMarkThatDoesNotLinkToWhatIsLeftIsCaught() throws Exception {
        AuditArchive.archive(file, 2, dir.resolve("archive"), log);
        new ArchiveMark(2, 999, "0".repeat(64)).write(file);
        assertThat(AuditVerifier.verify(file).problem()).contains("was expected");
    }

    @Test
    void aBrokenSeriesIsNotArchived() throws Exception {
        List<String> lines = Files.readAllLines(AuditSegments.file(file, 1));
        lines.set(0, lines.get(0).replace("\"n\":1,", "\"n\":7,"));
        Files.write(AuditSegments.file(file, 1), lines);
        assertThatThrownBy(() -> AuditArchive.archive(file, 2, dir.resolve("archive"), log))
                .hasMessageContaining("nothing is archived while it is broken");
        assertThat(AuditSegments.file(file, 1)).exists();
    }

    @Test
    void onlyASegmentThatExistsCanBeArchivedThroughAndTheNewestStays() {
        assertThatThrownBy(() -> AuditArchive.archive(file, 9, dir.resolve("archive"), log))
                .hasMessageContaining("no segment privileged-audit.jsonl.000009");
        assertThatThrownBy(() -> AuditArchive.archive(file, 4, dir.resolve("archive"), log))
                .hasMessageContaining("the newest segment, privileged-audit.jsonl.000004, stays");
        assertThat(AuditSegments.file(file, 1)).exists();
    }
}
