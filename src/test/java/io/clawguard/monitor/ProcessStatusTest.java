package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /proc/<pid>/status}, from samples captured on kernel 6.18. */
class ProcessStatusTest {
    private static String sample(String name) throws Exception {
        return Files.readString(Path.of(ProcessStatusTest.class.getResource("/proc/status/" + name).toURI()),
                StandardCharsets.UTF_8);
    }

    @Test
    void readsTheNameAndTheRealUid() throws Exception {
        assertThat(ProcessStatus.parse(sample("nobody"))).contains(new ProcessStatus("sleep", 65534));
    }

    /**
     * The process wrote "ev ESC [31m il LF x \ y" to its own comm: the kernel escapes the newline
     * and the backslash in status but leaves ESC raw, and the name stays data (the console shows
     * control characters visibly), exactly as OSHI read it before.
     */
    @Test
    void aNameARequesterChoseIsKeptAsTheKernelWroteIt() throws Exception {
        assertThat(ProcessStatus.parse(sample("renamed-with-escapes")))
                .contains(new ProcessStatus("ev\u001b[31mil\\nx\\\\y", 0));
    }

    @Test
    void theRealUidCountsNotTheEffectiveOne() {
        assertThat(ProcessStatus.parse("Name:\tsu\nUid:\t1000\t0\t0\t0\n")).contains(new ProcessStatus("su", 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Name:\tx\n", "Uid:\t0\t0\t0\t0\n", "Name:\tx\nUid:\troot\t0\t0\t0\n"})
    void statusWithoutANameOrANumericUidIsNotRead(String text) {
        assertThat(ProcessStatus.parse(text)).isEqualTo(Optional.empty());
    }
}
