package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.MutableClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    // Attacks (a review as a forger with access to the folder): what the watch must not miss.

    /** The same twelve records in a log that never rotates: every record stays in the active file. */
    private void unrotated() throws IOException {
        file = dir.resolve("flat").resolve("privileged-audit.jsonl");
        log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T12:00:00Z")), AuditLog.DEFAULT_ROTATE_BYTES,
                alarm);
        for (long n = 1; n <= 12; n++) {
            log.append(AuditAction.EXEC_START, Map.of("n", n));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(String line) throws IOException {
        return (Map<String, Object>) JsonValues.parse(line);
    }

    /**
     * The forger's move: drop the newest {@code count} records from the active file and point the
     * head file at the record now last, exactly as the writer would have left it. No hash is
     * recomputed.
     */
    private void dropNewest(int count) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.size()).as("the records to drop are all in the active file").isGreaterThan(count);
        List<String> kept = new ArrayList<>(lines.subList(0, lines.size() - count));
        Files.write(file, kept);
        Map<String, Object> last = record(kept.get(kept.size() - 1));
        AuditHead.write(file, (Long) last.get("seq"), (String) last.get("hash"));
    }

    /**
     * CRITICAL/HIGH. The newest record (say an exec_start the forger wants gone) is deleted and the
     * head rewound; the broker's next honest record then takes the deleted record's seq. The watch
     * had verified that seq with another hash, but it only compares seq numbers when it falls back
     * to a walk from the start ({@code shorterThanVerified}), so the removal passes as intact, with
     * no hash recomputed anywhere. The same holds for a wholesale rewrite of history of the same
     * length or longer, and the full pass overwrites the remembered checkpoint without comparing.
     */
    @Test
    void aVerifiedRecordReplacedByAnotherWithTheSameSeqIsNoticed() throws Exception {
        unrotated();
        AuditChainWatch watch = watch();
        assertThat(watch.verify().lastSeq()).isEqualTo(12);
        String verified = record(Files.readAllLines(file).get(Files.readAllLines(file).size() - 1)).get("hash").toString();

        dropNewest(1);
        log.append(AuditAction.EXEC_FINISH, Map.of("n", 99L)); // the broker's next honest record, seq 12 again
        String now = record(Files.readAllLines(file).get(Files.readAllLines(file).size() - 1)).get("hash").toString();
        assertThat(now).as("seq 12 is now another record").isNotEqualTo(verified);

        AuditVerification v = watch.verify();
        assertThat(v.intact()).as("seq 12 was verified with hash " + verified + " and now carries " + now).isFalse();
        assertThat(alarm.reason()).isNotNull();
    }

    /**
     * HIGH. The forger cuts the newest verified records off, leaving a fragment of the first of
     * them without its newline, and rewinds the head. The watch that verified those records whole
     * calls the fragment "crash debris" and raises no alarm (a crash cannot tear a record that was
     * already complete and verified); the next append sets the fragment aside as an ordinary
     * {@code audit_torn_line}, after which nothing anywhere says records were removed.
     */
    @Test
    void verifiedRecordsCutDownToAFragmentAreNotCrashDebris() throws Exception {
        unrotated();
        AuditChainWatch watch = watch();
        assertThat(watch.verify().lastSeq()).isEqualTo(12);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.size()).isGreaterThanOrEqualTo(2);
        long keep = 0;
        for (int i = 0; i < lines.size() - 2; i++) {
            keep += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        Map<String, Object> newLast = record(lines.get(lines.size() - 3));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(keep + 30); // records 11 and 12 gone, 30 bytes of record 11 left as "debris"
        }
        AuditHead.write(file, (Long) newLast.get("seq"), (String) newLast.get("hash"));

        AuditVerification v = watch.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.broken().crashDebris()).as("records 11 and 12 were verified whole: a crash cannot tear them")
                .isFalse();
        assertThat(alarm.reason()).isNotNull();
    }

    /**
     * HIGH. A full pass snapshots the log, walks it (slowly, paced), and then stores the end of
     * its snapshot as the checkpoint even when a {@code verify()} meanwhile moved the checkpoint
     * further. The watch forgets records it verified; deleting them (and rewinding the head) right
     * after the pass goes unnoticed.
     */
    @Test
    void aFullPassDoesNotMakeTheWatchForgetRecordsVerifiedWhileItRan() throws Exception {
        unrotated();
        AuditChainWatch watch = watch();
        watch.verify();
        boolean[] once = {false};
        watch.fullPass(bytes -> {
            if (!once[0]) {
                once[0] = true;
                for (long n = 13; n <= 15; n++) {
                    log.append(AuditAction.EXEC_START, Map.of("n", n));
                }
                assertThat(watch.verify().lastSeq()).isEqualTo(15);
            }
        });
        assertThat(once[0]).isTrue();

        dropNewest(3); // records 13 to 15, all verified by the watch
        AuditVerification v = watch.verify();
        assertThat(v.intact()).as("seq 13 to 15 were verified before and are gone now").isFalse();
        assertThat(alarm.reason()).isNotNull();
    }

    /**
     * HIGH. {@code clawguard assess} (Signals' default constructor) uses
     * {@link AuditChainWatch#readOnly}: it resumes from the checkpoint file the broker keeps and
     * never runs a full pass, so an edit anywhere before the broker's last checkpoint, even one
     * that recomputes nothing, is scored as an intact audit log. {@code clawguard audit verify}
     * sees the same edit.
     */
    @Test
    void aOneShotCheckDoesNotVouchForRecordsBeforeTheBrokersCheckpoint() throws Exception {
        watch().verify(); // the broker, as it runs, keeps its checkpoint beside the log
        editOldestSegment();
        assertThat(AuditVerifier.verify(file).intact()).as("audit verify sees the edit").isFalse();
        assertThat(AuditChainWatch.readOnly(file).verify().intact())
                .as("the one-shot watch behind clawguard assess must not call an edited log intact").isFalse();
    }

    /**
     * HIGH. A directory (or a dangling symlink, or anything unreadable) named like a segment makes
     * every walk from the start throw an IOException instead of reporting a break. The broker logs
     * a warning and carries on: the full pass never raises the alarm, so an edit it would have
     * found stays unnoticed while privileged work goes on.
     */
    @Test
    void anUnreadableSegmentRaisesTheAlarmInsteadOfHidingAnEdit() throws Exception {
        watch().verify();
        editOldestSegment();
        Files.createDirectory(AuditSegments.file(file, 0));
        AuditChainWatch restarted = watch();
        try {
            restarted.fullPass(Pacer.FULL_SPEED);
        } catch (IOException swallowedByTheBroker) {
            // Broker.fullAuditPass logs this as a warning and goes on.
        }
        assertThat(alarm.reason()).as("the full pass must stop privileged work, not give up silently").isNotNull();
    }

    /**
     * MEDIUM. A FIFO named like a segment: opening it blocks until someone writes to it, so
     * {@code audit verify} and the broker's full pass hang for ever (and so would a writer that
     * reads the newest segment after a rotation, with the lock held). A verification must end.
     */
    @Test
    void aFifoNamedLikeASegmentDoesNotHangVerification() throws Exception {
        Path fifo = AuditSegments.file(file, 0);
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                try {
                    AuditVerifier.verify(file);
                } catch (IOException acceptable) {
                    // ending with an error is fine; hanging is not
                }
            });
        } finally {
            // Release the reader that is stuck in open(2), so the test JVM is not left with it.
            new ProcessBuilder("timeout", "2", "sh", "-c", "exec 3>\"$0\"", fifo.toString()).start().waitFor();
        }
    }

    /**
     * LOW (false alarm). The writer seals whatever precedes its first chained record (the
     * genesis {@code prev} is the SHA-256 of all those bytes), but the verifier accepts only JSON
     * objects there: a seed log with one blank line (an editor's or {@code echo >>}'s) is chained
     * onto without a word and then reported broken, which raises the alarm on the broker's first
     * check and refuses every privileged request from then on.
     */
    @Test
    void aSeedLogWithABlankLineIsSealedAndVerifiedAlike() throws Exception {
        Path seedLog = dir.resolve("seed").resolve("privileged-audit.jsonl");
        Files.createDirectories(seedLog.getParent());
        Files.writeString(seedLog, "{\"action\":\"approval_requested\",\"ts_utc\":\"2025-01-01T00:00:00Z\"}\n\n"
                + "{\"action\":\"exec_start\",\"ts_utc\":\"2025-01-01T00:00:01Z\"}\n");
        AuditAlarm seedAlarm = new AuditAlarm();
        AuditLog writer = new AuditLog(seedLog, new MutableClock(Instant.parse("2026-11-24T12:00:00Z")),
                AuditLog.DEFAULT_ROTATE_BYTES, seedAlarm);
        writer.append(AuditAction.BROKER_STARTED, Map.of());
        writer.append(AuditAction.EXEC_START, Map.of("n", 1L));
        AuditVerification v = new AuditChainWatch(seedLog, seedAlarm, true).verify();
        assertThat(v.intact()).as("the writer sealed this prefix; verify must agree (" + v.problem() + ")").isTrue();
        assertThat(seedAlarm.reason()).isNull();
    }
}
