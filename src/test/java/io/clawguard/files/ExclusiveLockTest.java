package io.clawguard.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusiveLockTest {
    @Test
    void neverTwoThreadsInsideUnderHeavyContention(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve("x.lock");
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        try (ExclusiveLock ignored = ExclusiveLock.acquire(lockFile)) {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(lockFile)))
                .as("owner-only, so the permissions check has nothing to flag").isEqualTo("rw-------");
    }
}
