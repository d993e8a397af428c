package io.clawguard.audit;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Holds a read to a rate: the background pass over the whole audit log must leave the disk
 * and a core to the work the console and broker are there for.
 */
@FunctionalInterface
public interface Pacer {
    Pacer FULL_SPEED = bytes -> { };

    void pace(long bytes) throws IOException;

    /** At most {@code bytesPerSecond}, by sleeping after each block read ahead of the rate. */
    static Pacer atMost(long bytesPerSecond) {
        long startNanos = System.nanoTime();
        long[] total = {0};
        return bytes -> {
            total[0] += bytes;
            long dueNanos = startNanos + total[0] * 1_000_000_000L / bytesPerSecond;
            long ahead = dueNanos - System.nanoTime();
            if (ahead > 0) {
                try {
                    Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("audit verification stopped");
                }
            }
        };
    }
}
