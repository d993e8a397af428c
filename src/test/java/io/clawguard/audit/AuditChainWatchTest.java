package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's view of the chain: resumed from a checkpoint, with a full pass behind it. */
class AuditChainWatchTest {
    @TempDir
    Path dir;
    Path file;
    AuditAlarm alarm;
    AuditLog log;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("privileged-audit.jsonl");
        alarm = new AuditAlarm();
        log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T12:00:00Z")), 1_500, alarm);
        for (long n = 1; n <= 12; n++) {
            log.append(AuditAction.EXEC_START, Map.of("n", n));
        }
    }

    private AuditChainWatch watch() {
        return new AuditChainWatch(file, alarm, true);
    }

    /** Edits record {@code n} of the oldest segment in place, the way a careless forger would. */
    private void editOldestSegment() throws Exception {
        Path first = AuditSegments.file(file, 1);
        String text = Files.readString(first);
        Files.writeString(first, text.replaceFirst("\"n\":2,", "\"n\":9,"));
    }

    @Test
    void eachCheckResumesWhereTheLastEndedAndKeepsTheCheckpointBesideTheLog() throws Exception {
        AuditChainWatch watch = watch();
        assertThat(watch.verify().chainedRecords()).isEqualTo(12);
        assertThat(AuditCheckpointFile.read(file)).get().extracting(AuditCheckpoint::seq).isEqualTo(12L);
        log.append(AuditAction.EXEC_FINISH, Map.of());
        AuditVerification v = watch.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.chainedRecords()).as("counts carried over from the checkpoint").isEqualTo(13);
        assertThat(AuditCheckpointFile.read(file)).get().extracting(AuditCheckpoint::seq).isEqualTo(13L);
    }

    @Test
    void aRestartedWatchReadsOnlyWhatFollowsTheCheckpointAndTheFullPassCatchesTheRest() throws Exception {
        watch().verify();
        editOldestSegment();
        AuditChainWatch restarted = watch();
        assertThat(restarted.verify().intact()).as("the edit lies before the checkpoint: not read again").isTrue();
        assertThat(alarm.reason()).isNull();

        restarted.fullPass(Pacer.FULL_SPEED);
        AuditVerification v = restarted.verify();
        assertThat(v.intact()).as("the full pass's break stays the answer").isFalse();
        assertThat(v.badFile()).isEqualTo(AuditSegments.file(file, 1).getFileName().toString());
        assertThat(alarm.reason()).contains("line edited");
        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of()))
                .as("privileged work stops: the record is written, then the step refused")
                .isInstanceOf(AuditChainBrokenException.class).hasMessageContaining("line edited");
    }

    @Test
    void anEditOfTheCheckpointedRecordItselfMeansAWalkFromTheStart() throws Exception {
        AuditChainWatch watch = watch();
        watch.verify();
        List<String> lines = Files.readAllLines(file);
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replace("\"n\":12", "\"n\":99"));
        Files.write(file, lines);
        AuditVerification v = watch.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("line edited");
    }

    @Test
    void cuttingBelowTheCheckpointIsCaught() throws Exception {
        AuditChainWatch watch = watch();
        watch.verify();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));
        assertThat(watch.verify().problem()).contains("the chain ends at seq 11 but seq 12 was verified before");
        assertThat(alarm.reason()).isNotNull();
    }

    @Test
    void removingTheLogAndItsHeadAltogetherIsCaughtByWhatWasVerifiedBefore() throws Exception {
        AuditChainWatch watch = watch();
        watch.verify();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.equals(AuditCheckpointFile.of(file))).toList()) {
                Files.delete(f);
            }
        }
        assertThat(AuditVerifier.verify(file).intact()).as("nothing left to contradict itself").isTrue();
        assertThat(watch.verify().problem()).contains("seq 12 was verified before");
        assertThat(new AuditChainWatch(file, new AuditAlarm(), true).verify().intact())
                .as("a restarted watch remembers through the checkpoint file").isFalse();
    }

    @Test
    void aGarbledCheckpointFileIsIgnoredAndOneThatContradictsTheLogIsAnAlarm() throws Exception {
        Files.writeString(AuditCheckpointFile.of(file), "{\"inode\": 1, \"offset\": 5");
        AuditVerification walked = watch().verify();
        assertThat(walked.chainedRecords()).as("walked from the start").isEqualTo(12);
        assertThat(alarm.reason()).isNull();
        Files.writeString(AuditCheckpointFile.of(file), "{\"chain_start_line\":1,\"hash\":\"" + "0".repeat(64)
                + "\",\"inode\":1,\"legacy\":0,\"line\":1,\"offset\":10,\"records\":1,\"seq\":1}");
        AuditVerification v = watch().verify();
        assertThat(v.problem()).as("the log or the checkpoint was changed behind the broker's back")
                .contains("seq 1 is not the record verified before");
        assertThat(alarm.reason()).isNotNull();
    }

    @Test
    void aTornLastLineIsACrashNotABreak() throws Exception {
        Files.write(file, "{\"action\":\"exec_st".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        AuditVerification v = watch().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().crashDebris()).isTrue();
        assertThat(alarm.reason()).as("no alarm: the next write sets it aside").isNull();
        log.append(AuditAction.EXEC_FINISH, Map.of());
        assertThat(watch().verify().intact()).isTrue();
    }

    @Test
    void aReadOnlyWatchWritesNoCheckpoint() throws Exception {
        AuditChainWatch.readOnly(file).verify();
        assertThat(AuditCheckpointFile.of(file)).doesNotExist();
    }
}
