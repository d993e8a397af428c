package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.testing.TestHomes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifying while records are being written sees a consistent log and head: no false alarm. */
class VerifyWhileWritingTest {
    @TempDir
    Path root;

    @Test
    void verifyDuringTwoHundredConcurrentAppendsRaisesNoAlarmFiftyTimesOver() throws Exception {
        Path file = TestHomes.under(root).auditLog();
        AuditLog log = new AuditLog(file, Clock.systemUTC());
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                List<Future<?>> appends = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    appends.add(writers.submit(() -> log.append(AuditAction.EXEC_START, Map.of("n", (long) n))));
                }
                while (!appends.stream().allMatch(Future::isDone)) {
                    AuditVerification v = AuditVerifier.verify(file);
                    assertThat(v.intact()).as("round %d: line %d: %s", round, v.firstBadLine(), v.problem()).isTrue();
                }
                for (Future<?> f : appends) {
                    f.get();
                }
            }
            assertThat(AuditVerifier.verify(file).chainedRecords()).isEqualTo(50 * 200);
        } finally {
            writers.shutdownNow();
        }
    }
}
