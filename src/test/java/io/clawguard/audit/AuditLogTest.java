package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.MutableClock;
import io.clawguard.testing.TestHomes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditLogTest {
    @TempDir
    Path dir;
    Path file;
    AuditLog log;

    @BeforeEach
    void setUp() {
        file = dir.resolve("privileged-audit.jsonl");
        log = new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T10:00:00Z")));
    }

    private void appendFive() throws Exception {
        for (int i = 1; i <= 5; i++) {
            log.append(AuditAction.EXEC_START, Map.of("argv", List.of("/usr/bin/id", "n" + i)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(List<String> lines, int index) throws Exception {
        return (Map<String, Object>) JsonValues.parse(lines.get(index));
    }

    /** Line {@code index} with another argv and its hash recomputed, as a forger would. */
    private static List<String> forged(List<String> lines, int index, List<String> argv) throws Exception {
        Map<String, Object> r = record(lines, index);
        r.put("argv", argv);
        r.put("hash", AuditChain.hashOf(r));
        return replace(lines, index, JsonValues.canonical(r));
    }

    /** The head as a crash between writing record 5 and its head leaves it: one record behind. */
    private void headOneBehind(List<String> lines) throws Exception {
        AuditHead.write(file, 4, (String) record(lines, 3).get("hash"));
    }

    @Test
    void recordsAreChainedAndVerify() throws Exception {
        appendFive();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        Map<String, Object> second = record(lines, 1);
        Map<String, Object> first = record(lines, 0);
        assertThat(second).containsEntry("seq", 2L).containsEntry("prev", first.get("hash"))
                .containsEntry("action", "exec_start").containsKey("ts_utc");
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
        assertThat(AuditVerifier.verify(file).chainedRecords()).isEqualTo(5);
    }

    static Stream<Arguments> tampering() {
        UnaryOperator<List<String>> edit = l -> replace(l, 2, l.get(2).replace("n3", "n9"));
        UnaryOperator<List<String>> delete = l -> without(l, 2);
        UnaryOperator<List<String>> insertCopy = l -> inserted(l, 3, l.get(1));
        UnaryOperator<List<String>> insertLegacy = l -> inserted(l, 3, "{\"ts_utc\":\"x\",\"action\":\"exec_start\"}");
        UnaryOperator<List<String>> swap = l -> replace(replace(l, 1, l.get(3)), 3, l.get(1));
        UnaryOperator<List<String>> garbage = l -> replace(l, 4, "not json");
        UnaryOperator<List<String>> deleteFirst = l -> without(l, 0);
        return Stream.of(
                Arguments.of("edited line", edit, 3, "line edited"),
                Arguments.of("deleted line", delete, 3, "seq is 4 where 3 was expected"),
                Arguments.of("deleted first line", deleteFirst, 1, "seq is 2 where 1 was expected"),
                Arguments.of("inserted copy of a line", insertCopy, 4, "seq is 2 where 4 was expected"),
                Arguments.of("inserted unchained line", insertLegacy, 4, "unchained line inside the chain"),
                Arguments.of("reordered lines", swap, 2, "seq is 4 where 2 was expected"),
                Arguments.of("garbage line", garbage, 5, "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampering")
    void verifyNamesTheFirstBadLine(String name, UnaryOperator<List<String>> tamper, int badLine, String problem)
            throws Exception {
        appendFive();
        Files.write(file, tamper.apply(Files.readAllLines(file)));
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(badLine);
        assertThat(v.problem()).contains(problem);
    }

    @Test
    void cuttingOffTheLastRecordsIsDetectedByTheHead() throws Exception {
        appendFive();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 3));
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadLine()).isEqualTo(4);
        assertThat(v.problem()).contains("ends at seq 3", "recorded seq 5", "deleted");
        Files.write(file, new byte[0]);
        assertThat(AuditVerifier.verify(file).intact()).as("emptied").isFalse();
        Files.delete(file);
        assertThat(AuditVerifier.verify(file).intact()).as("deleted").isFalse();
    }

    @Test
    void anAppendAfterTheEndWasCutOffIsRefusedAndTheCutStaysVisible() throws Exception {
        appendFive();
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, 3));
        byte[] cut = Files.readAllBytes(file);

        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of("argv", List.of("/usr/bin/id"))))
                .isInstanceOf(AuditChainBrokenException.class)
                .hasMessageContaining("ends at seq 3").hasMessageContaining("seq 5");
        Path setAside = AuditSegments.file(file, 1);
        assertThat(Files.readAllBytes(setAside)).as("the cut file kept as it was, as a segment").isEqualTo(cut);
        Map<String, Object> why = record(Files.readAllLines(file), 0);
        assertThat(why).as("a fresh segment that starts from the head, saying why")
                .containsEntry("action", "audit_chain_broken").containsEntry("seq", 6L)
                .containsEntry("prev", record(lines, 4).get("hash"))
                .containsEntry("set_aside_to", setAside.getFileName().toString());
        assertThat(AuditVerifier.verify(file).problem()).as("the next record did not paper over the cut")
                .contains("starts at seq 6 where 4 was expected");

        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of("argv", List.of("/usr/bin/id"))))
                .as("still refused once the head agrees again: the alarm stays up")
                .isInstanceOf(AuditChainBrokenException.class).hasMessageContaining("records at the end were deleted");
        assertThat(Files.readAllLines(file)).as("but recorded").hasSize(2);
    }

    @Test
    void anAppendAfterTheLastRecordWasRewrittenIsRefused() throws Exception {
        appendFive();
        Files.write(file, forged(Files.readAllLines(file), 4, List.of("/usr/bin/true")));

        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of()))
                .isInstanceOf(AuditChainBrokenException.class).hasMessageContaining("head file");
    }

    @Test
    void anAppendWithTheHeadFileDeletedUnderAChainIsRefused() throws Exception {
        appendFive();
        Files.write(file, Files.readAllLines(file).subList(0, 3));
        Files.delete(AuditHead.fileFor(file));

        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of()))
                .isInstanceOf(AuditChainBrokenException.class).hasMessageContaining("no head file");
        assertThat(AuditVerifier.verify(file).problem()).contains("no head file");
    }

    @Test
    void anAppendWithAnUnreadableHeadIsRefused() throws Exception {
        appendFive();
        Files.writeString(AuditHead.fileFor(file), "{\"seq\":5,\"ha");

        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of()))
                .isInstanceOf(AuditChainBrokenException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void anAppendAfterACrashBetweenRecordAndHeadGoesOn() throws Exception {
        appendFive();
        List<String> lines = Files.readAllLines(file);
        headOneBehind(lines);

        log.append(AuditAction.EXEC_START, Map.of());
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
        assertThat(AuditVerifier.verify(file).chainedRecords()).isEqualTo(6);

        Files.delete(AuditHead.fileFor(file));
        Files.write(file, lines.subList(0, 1));
        log.append(AuditAction.EXEC_START, Map.of());
        assertThat(AuditVerifier.verify(file).intact()).as("a crash before the first head was written").isTrue();
    }

    @Test
    void aHeadABatchBehindIsACrashNotTampering() throws Exception {
        appendFive();
        headOneBehind(Files.readAllLines(file));
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
        AuditHead.write(file, 4, "0".repeat(64));
        assertThat(AuditVerifier.verify(file).problem()).contains("differs from the one the head file recorded");
        // A batch of records written under one hold of the lock, then a kill before its head: three behind.
        AuditHead.write(file, 2, (String) record(Files.readAllLines(file), 1).get("hash"));
        assertThat(AuditVerifier.verify(file).intact()).as("a batch behind, the record it names intact").isTrue();
        log.append(AuditAction.EXEC_START, Map.of());
        assertThat(AuditVerifier.verify(file).intact()).as("and the next append goes on").isTrue();
        AuditHead.write(file, 2, "0".repeat(64));
        assertThatThrownBy(() -> log.append(AuditAction.EXEC_START, Map.of()))
                .as("behind, but naming a record that is not there").isInstanceOf(AuditChainBrokenException.class);
    }

    @Test
    void recordsCutDownToAFragmentWithoutANewlineAreNotPassedOffAsACrash() throws Exception {
        appendFive();
        List<String> lines = Files.readAllLines(file);
        String kept = String.join("\n", lines.subList(0, 3)) + "\n" + lines.get(3).substring(0, 30);
        Files.writeString(file, kept);
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.broken().crashDebris()).as("the head names seq 5: records were cut, not torn").isFalse();
        assertThat(v.problem()).contains("records at the end were deleted");
    }

    @Test
    void aHeadMoreThanABatchBehindMeansRecordsWereAddedWithoutIt() throws Exception {
        for (int i = 0; i < AuditHead.MAX_LAG + 3; i++) {
            log.append(AuditAction.EXEC_START, Map.of("n", (long) i));
        }
        AuditHead.write(file, 1, (String) record(Files.readAllLines(file), 0).get("hash"));
        assertThat(AuditVerifier.verify(file).problem()).contains("records were added without it");
    }

    @Test
    void aRecomputedHashDoesNotHideAnEdit() throws Exception {
        appendFive();
        Files.write(file, forged(Files.readAllLines(file), 1, List.of("/usr/bin/rm", "-rf", "/")));
        assertThat(AuditVerifier.verify(file).firstBadLine()).isEqualTo(3);
    }

    @Test
    void aTornLastLineIsSetAsideAndRecordedAtTheNextWrite() throws Exception {
        appendFive();
        byte[] torn = "{\"action\":\"exec_fin".getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn, java.nio.file.StandardOpenOption.APPEND);
        AuditVerification before = AuditVerifier.verify(file);
        assertThat(before.firstBadLine()).isEqualTo(6);
        assertThat(before.problem()).contains("torn last line");

        log.append(AuditAction.EXEC_FINISH, Map.of("returncode", 0L));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(5)).contains("\"action\":\"audit_torn_line\"").contains("\"bytes\":" + torn.length);
        assertThat(lines.get(6)).contains("\"action\":\"exec_finish\"").doesNotContain("exec_fin\"");
        assertThat(AuditVerifier.verify(file).intact()).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("privileged-audit.jsonl.torn-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(torn);
        }
    }

    @Test
    void theSeedsUnchainedLogVerifiesAndIsSealedByTheChain() throws Exception {
        TestHomes.write(file, TestHomes.resource("seed-format/privileged-audit.jsonl"));
        AuditVerification legacy = AuditVerifier.verify(file);
        assertThat(legacy.intact()).isTrue();
        assertThat(legacy.legacyLines()).isEqualTo(16);
        assertThat(legacy.chainStartLine()).isZero();

        log.append(AuditAction.EXEC_START, Map.of("argv", List.of("/usr/bin/id")));
        AuditVerification chained = AuditVerifier.verify(file);
        assertThat(chained.intact()).isTrue();
        assertThat(chained.chainStartLine()).isEqualTo(17);

        List<String> lines = Files.readAllLines(file);
        Files.write(file, without(lines, 3));
        assertThat(AuditVerifier.verify(file).firstBadLine()).as("deleting a legacy line breaks the seal").isEqualTo(16);
    }

    @Test
    void concurrentAppendersKeepOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long n = i;
                AuditLog writer = i % 2 == 0 ? log : new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T10:00:00Z")));
                done.add(pool.submit(() -> writer.append(AuditAction.EXEC_START, Map.of("n", n))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification v = AuditVerifier.verify(file);
        assertThat(v.intact()).isTrue();
        assertThat(v.chainedRecords()).isEqualTo(200);
    }

    @Test
    void theLogIsCreatedOwnerOnly() throws Exception {
        log.append(AuditAction.EXEC_START, Map.of());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    private static List<String> replace(List<String> l, int i, String line) {
        List<String> out = new ArrayList<>(l);
        out.set(i, line);
        return out;
    }

    private static List<String> without(List<String> l, int i) {
        List<String> out = new ArrayList<>(l);
        out.remove(i);
        return out;
    }

    private static List<String> inserted(List<String> l, int i, String line) {
        List<String> out = new ArrayList<>(l);
        out.add(i, line);
        return out;
    }
}
