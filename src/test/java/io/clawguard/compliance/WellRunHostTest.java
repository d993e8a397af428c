package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A well-run OpenClaw host can earn "good": every check can be passed, and coverage is whole. */
class WellRunHostTest {
    @Test
    void aWellRunHostScoresGoodWithFullCoverage(@TempDir Path root) throws Exception {
        Assessment a = Assessor.builtIn().assess(WellRunHost.prepare(root).signals(), PreparedHome.NOW, "well-run");
        assertThat(a.checks()).allSatisfy(s -> assertThat(s.result().status())
                .as(s.control().checkId() + ": " + s.result().observed() + " / " + s.result().evidence())
                .isIn(Status.COMPLIANT, Status.NOT_APPLICABLE));
        assertThat(a.coverage().percent()).isEqualTo(100);
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.band()).isEqualTo("good");
    }
}
