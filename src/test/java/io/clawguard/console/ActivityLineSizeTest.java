package io.clawguard.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's megabytes of argv make one activity line of bounded size: 500 of them kept must stay small. */
class ActivityLineSizeTest {
    @Test
    void aHugeArgvMakesALineOfBoundedLength() {
        ActivityLine l = ActivityLine.of(Map.of("action", "approval_requested", "argv",
                List.of("/usr/bin/echo", "x".repeat(16 << 20))), Instant.EPOCH);
        assertThat(l.text().length()).isLessThanOrEqualTo(ActivityLine.MAX_TEXT + 1).isGreaterThan(100);
        assertThat(l.text()).endsWith("…");
    }
}
