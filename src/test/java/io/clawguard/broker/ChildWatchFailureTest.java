package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace that cannot be followed ends the run: children nobody sees are not left unchecked. */
class ChildWatchFailureTest {
    @TempDir
    Path root;

    @Test
    void anUnreadableTraceEndsTheRun() throws Exception {
        Path trace = Files.createDirectory(root.resolve("run.trace"));
        CountDownLatch ended = new CountDownLatch(1);
        ChildWatch watch = new ChildWatch(trace, 1, child -> { }, ended::countDown);
        watch.start();
        try {
            assertThat(ended.await(5, TimeUnit.SECONDS)).as("the run ended").isTrue();
        } finally {
            watch.finish();
        }
    }

    @Test
    void aChildThatCannotBeHandledEndsTheRun() throws Exception {
        Path trace = Files.writeString(root.resolve("run.trace"),
                "100 execve(\"/usr/bin/bash\", [\"bash\"], 0x1 /* 1 var */) = 0\n"
                        + "100 execve(\"/usr/bin/sleep\", [\"sleep\", \"1\"], 0x1 /* 1 var */) = 0\n");
        CountDownLatch ended = new CountDownLatch(1);
        ChildWatch watch = new ChildWatch(trace, 1, child -> {
            throw new IllegalStateException("the audit could not take it");
        }, ended::countDown);
        watch.start();
        try {
            assertThat(ended.await(5, TimeUnit.SECONDS)).as("the run ended").isTrue();
        } finally {
            watch.finish();
        }
    }
}
