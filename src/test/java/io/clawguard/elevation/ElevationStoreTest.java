package io.clawguard.elevation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElevationStoreTest {
    private static final int WRITERS = 20;

    @TempDir
    Path dir;

    @Test
    void twentyParallelProcessesLoseNoUpdate() throws Exception {
        Path file = dir.resolve("root-session-state.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), StateWriterProcess.class.getName(), file.toString(), "p" + i)
                    .inheritIO().start());
        }
        for (Process p : writers) {
            assertThat(p.waitFor()).isZero();
        }
        assertThat(requestIds(file)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, WRITERS).mapToObj(i -> "p" + i).toList());
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("no temp file left behind").allMatch(n -> !n.endsWith(".tmp"));
    }

    @Test
    void twentyParallelThreadsLoseNoUpdate() throws Exception {
        Path file = dir.resolve("root-session-state.json");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String id = "t" + i;
                done.add(pool.submit(() -> {
                    StateWriterProcess.main(new String[] {file.toString(), id});
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(requestIds(file)).hasSize(WRITERS).doesNotHaveDuplicates();
    }

    @Test
    void aCorruptStateFileIsAnErrorNotAFreshState() {
        Path file = dir.resolve("root-session-state.json");
        TestHomes.write(file, "{\"privilege_mode\": \"elevated\", \"allowed_commands\": [ {\"argv\": ");
        ElevationStore store = new ElevationStore(file);
        assertThatThrownBy(store::read).isInstanceOf(InvalidJsonFileException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> store.update(s -> new ElevationStore.Outcome<>(s.dropped(Instant.now(), "x"), null)))
                .isInstanceOf(InvalidJsonFileException.class);
        TestHomes.write(file, "{\"privilege_mode\": \"root\"}");
        assertThatThrownBy(store::read).hasMessageContaining("\"privilege_mode\" must be \"normal\" or \"elevated\"");
    }

    @Test
    void writesTheFileOwnerOnly() throws Exception {
        Path file = dir.resolve("root-session-state.json");
        StateWriterProcess.main(new String[] {file.toString(), "x"});
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    private static List<String> requestIds(Path file) throws Exception {
        return new ElevationStore(file).read().allowedCommands().stream().map(AllowedCommand::requestId).toList();
    }
}
