package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The rows every check test is made of (a check, the status a prepared home must give, a word
 * of what it must say) and the one way they are judged: the status, the word, evidence always,
 * a gap and a fix whenever something is wrong, and no raw escape in anything a report shows.
 */
final class CheckCases {
    private CheckCases() {
    }

    static Arguments c(String check, Status status, String observed, Consumer<PreparedHome> setup) {
        return c(check + " " + status.wire() + " (" + observed + ")", check, status, observed, setup);
    }

    static Arguments c(String name, String check, Status status, String observed, Consumer<PreparedHome> setup) {
        return Arguments.of(name, check, status, observed, setup);
    }

    /** The result of {@code checkId} in an assessment of {@code h}. */
    static CheckResult result(PreparedHome h, String checkId) throws Exception {
        Assessment a = Assessor.builtIn().assess(h.signals(), PreparedHome.NOW, "test");
        return a.checks().stream().filter(s -> s.control().checkId().equals(checkId)).findFirst().orElseThrow().result();
    }

    static CheckResult result(String checkId, Consumer<PreparedHome> setup, Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        setup.accept(h);
        return result(h, checkId);
    }

    static void verify(String checkId, Status expected, String observed, Consumer<PreparedHome> setup, Path root)
            throws Exception {
        CheckResult r = result(checkId, setup, root);
        assertThat(r.status()).as(r.toString()).isEqualTo(expected);
        assertThat(r.observed() + " " + r.evidence()).as(r.toString()).contains(observed);
        assertThat(r.evidence()).isNotBlank();
        if (expected == Status.VIOLATION || expected == Status.PARTIAL || expected == Status.ERROR) {
            assertThat(r.gap()).isNotBlank();
            assertThat(r.mitigation()).isNotBlank();
        }
        assertThat(r.toString()).as("no raw escape reaches a report").doesNotContain("\u001b", "\u009b", "\u0007");
    }
}
