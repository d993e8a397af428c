package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tail is read from the end: the last lines, complete ones only, across many blocks. */
class AuditTailTest {
    @TempDir
    Path dir;

    @Test
    void theLastLinesOfALogManyBlocksLongAndThenOnlyWhatIsAppended() throws Exception {
        Path log = dir.resolve("privileged-audit.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("{\"n\":").append(i).append(",\"pad\":\"").append("x".repeat(300)).append("\"}\n");
        }
        text.append("{\"torn");
        Files.writeString(log, text, StandardCharsets.UTF_8);
        AuditTail tail = new AuditTail(log);
        List<String> last = tail.last(20);
        assertThat(last).hasSize(20);
        assertThat(last.get(0)).startsWith("{\"n\":2980,");
        assertThat(last.get(19)).startsWith("{\"n\":2999,");
        assertThat(tail.appended()).isEmpty();
        Files.writeString(log, "\"}\n{\"n\":3001}\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(tail.appended()).containsExactly("{\"torn\"}", "{\"n\":3001}");
    }

    @Test
    void aShortLogGivesWhatItHas() throws Exception {
        Path log = dir.resolve("short.jsonl");
        Files.writeString(log, "{\"a\":1}\n{\"b\":2}\n", StandardCharsets.UTF_8);
        assertThat(new AuditTail(log).last(50)).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(new AuditTail(dir.resolve("none.jsonl")).last(5)).isEmpty();
    }

    @Test
    void theLastLinesReachBackIntoRotatedSegmentsAndFollowingSurvivesARotation() throws Exception {
        Path log = dir.resolve("privileged-audit.jsonl");
        AuditLog writer = new AuditLog(log, java.time.Clock.systemUTC(), 600, new AuditAlarm());
        for (long n = 1; n <= 12; n++) {
            writer.append(AuditAction.EXEC_START, java.util.Map.of("n", n));
        }
        assertThat(AuditSegments.rotated(log)).hasSizeGreaterThan(2);
        AuditTail tail = new AuditTail(log);
        List<String> last = tail.last(10);
        assertThat(last).hasSize(10);
        assertThat(last.get(0)).contains("\"n\":3,");
        assertThat(last.get(9)).contains("\"n\":12,");

        List<String> seen = new java.util.ArrayList<>();
        for (long n = 13; n <= 30; n++) {
            writer.append(AuditAction.EXEC_START, java.util.Map.of("n", n));
            if (n % 4 == 0) {
                seen.addAll(tail.appended());
            }
        }
        for (List<String> more = tail.appended(); !more.isEmpty(); more = tail.appended()) {
            seen.addAll(more);
        }
        assertThat(seen).as("every record once, in order, across the rotations").hasSize(18);
        for (int i = 0; i < 18; i++) {
            assertThat(seen.get(i)).contains("\"n\":" + (13 + i) + ",");
        }
    }

    @Test
    void aLongRunOfBytesWithoutANewlineIsSteppedOver() throws Exception {
        Path log = dir.resolve("privileged-audit.jsonl");
        Files.writeString(log, "{\"a\":1}\n");
        AuditTail tail = new AuditTail(log);
        tail.last(1);
        Files.writeString(log, "x".repeat(AuditTail.MAX_READ + 10) + "\n{\"b\":2}\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.addAll(tail.appended());
        }
        assertThat(seen).endsWith("{\"b\":2}");
    }

    @Test
    void aPlantedLineOfManyMegabytesIsNotReadWhole() throws Exception {
        Path log = dir.resolve("privileged-audit.jsonl");
        try (var out = Files.newOutputStream(log)) {
            out.write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
            byte[] junk = new byte[1 << 20];
            java.util.Arrays.fill(junk, (byte) 'x');
            for (int i = 0; i < 48; i++) {
                out.write(junk);
            }
            out.write("\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(new AuditTail(log).last(3)).as("the newest record, and nothing from beyond the bound")
                .containsExactly("{\"b\":2}");
    }
}
