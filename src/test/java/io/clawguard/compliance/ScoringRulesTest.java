package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scoring model as a table: score, coverage and band for sets of results. */
class ScoringRulesTest {
    private static CheckResult r(Status status, String risk) {
        return new CheckResult("x", status, risk, "", "", "", "");
    }

    private static List<CheckResult> times(int n, Status status, String risk) {
        return new ArrayList<>(Collections.nCopies(n, r(status, risk)));
    }

    private static List<CheckResult> all(List<CheckResult> first, List<CheckResult> more) {
        List<CheckResult> out = new ArrayList<>(first);
        out.addAll(more);
        return out;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("one low compliant beside 20 high not assessed is not 'good'",
                        all(times(1, Status.COMPLIANT, "low"), times(20, Status.NOT_ASSESSED, "high")), 70,
                        100, 1, 61, Scoring.INSUFFICIENT),
                Arguments.of("nothing assessed at all", times(5, Status.NOT_ASSESSED, "high"), 70,
                        0, 0, 15, Scoring.INSUFFICIENT),
                Arguments.of("coverage exactly at the floor is graded",
                        all(times(7, Status.COMPLIANT, "low"), times(3, Status.NOT_ASSESSED, "low")), 70,
                        100, 7, 10, "good"),
                Arguments.of("coverage just under the floor is not",
                        all(times(69, Status.COMPLIANT, "low"), times(31, Status.NOT_ASSESSED, "low")), 70,
                        100, 69, 100, Scoring.INSUFFICIENT),
                Arguments.of("a floor of 0 grades whatever was seen",
                        all(times(1, Status.PARTIAL, "low"), times(9, Status.NOT_ASSESSED, "low")), 0,
                        50, 1, 10, "poor"),
                Arguments.of("error counts as 0, as a violation does",
                        all(times(1, Status.COMPLIANT, "high"), times(1, Status.ERROR, "high")), 70,
                        50, 6, 6, "poor"),
                Arguments.of("not_applicable leaves score and coverage alike",
                        all(times(1, Status.COMPLIANT, "high"), times(4, Status.NOT_APPLICABLE, "high")), 70,
                        100, 3, 3, "good"),
                Arguments.of("partial counts half, weights follow risk",
                        all(all(times(1, Status.COMPLIANT, "high"), times(1, Status.PARTIAL, "medium")),
                                times(1, Status.VIOLATION, "low")), 70,
                        66, 6, 6, "poor"),
                Arguments.of("critical weighs 4",
                        all(times(1, Status.VIOLATION, "critical"), times(1, Status.COMPLIANT, "low")), 70,
                        20, 5, 5, "critical"),
                Arguments.of("fair band", all(times(4, Status.COMPLIANT, "low"), times(1, Status.VIOLATION, "low")), 70,
                        80, 5, 5, "fair"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void scoreCoverageAndBand(String name, List<CheckResult> results, int floor, int score, int assessedWeight,
                              int totalWeight, String band) {
        Coverage coverage = Coverage.of(results);
        assertThat(Scoring.score(results)).isEqualTo(score);
        assertThat(coverage.assessedWeight()).isEqualTo(assessedWeight);
        assertThat(coverage.totalWeight()).isEqualTo(totalWeight);
        assertThat(Scoring.band(score, coverage, floor)).isEqualTo(band);
    }

    @Test
    void justUnderABandIsNotRoundedIntoIt() {
        // 179 of 200 weight compliant is 89.5: "fair", not rounded up to a "good" 90.
        List<CheckResult> results = all(times(179, Status.COMPLIANT, "low"), times(21, Status.VIOLATION, "low"));
        assertThat(Scoring.score(results)).isEqualTo(89);
        assertThat(Scoring.band(89, Coverage.of(results), 70)).isEqualTo("fair");
    }

    @Test
    void aCheckThatFailsUnexpectedlyIsAnErrorNotTheEndOfTheAssessment(@TempDir Path root) throws Exception {
        Control control = new Control("exploding", "Explodes", "never", "high", List.of("A.8.2"), List.of(), List.of());
        Check exploding = Check.of("exploding", s -> {
            throw new IllegalStateException("boom");
        });
        Assessment a = new Assessor(List.of(control), List.of(exploding)).assess(new PreparedHome(root).signals(),
                PreparedHome.NOW, "h");
        assertThat(a.checks().get(0).result().status()).isEqualTo(Status.ERROR);
        assertThat(a.checks().get(0).result().evidence()).contains("IllegalStateException");
    }

    private static Assessment assess(PreparedHome h) throws Exception {
        return Assessor.builtIn().assess(h.signals(), Instant.parse("2026-11-25T12:00:00Z"), "h");
    }

    private static Status status(Assessment a, String checkId) {
        return a.checks().stream().filter(s -> s.control().checkId().equals(checkId)).findFirst().orElseThrow()
                .result().status();
    }

    private static String observed(Assessment a, String checkId) {
        return a.checks().stream().filter(s -> s.control().checkId().equals(checkId)).findFirst().orElseThrow()
                .result().observed();
    }

    @Test
    void aMissingBaselineOrAllowListIsPenalisedOnce(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.listening.add(PreparedHome.listener("0.0.0.0", 8080, "web"));
        h.connections.add(PreparedHome.outbound("203.0.113.9", 443, "node"));
        Assessment a = assess(h);
        assertThat(status(a, "open_ports_approved")).isEqualTo(Status.VIOLATION);
        assertThat(status(a, "public_binds_justified")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(observed(a, "public_binds_justified")).startsWith("see open_ports_approved");
        assertThat(status(a, "egress_allowlist_configured")).isEqualTo(Status.VIOLATION);
        assertThat(status(a, "egress_connections_approved")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(observed(a, "egress_connections_approved")).startsWith("see egress_allowlist_configured");
    }

    @Test
    void aMissingShimIsPenalisedOnce(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.file(h.home.config(), "{\"agent_users\": [\"agent\"]}");
        h.hostFile("/etc/passwd", "root:x:0:0::/root:/bin/sh\nagent:x:1001:1001::/home/agent:/bin/sh\n");
        h.hostFile("/etc/group", "agent:x:1001:\n");
        Assessment a = assess(h);
        assertThat(status(a, "runtime_privilege_hook_installed")).isEqualTo(Status.VIOLATION);
        assertThat(status(a, "privilege_approval_required")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(observed(a, "privilege_approval_required")).startsWith("see runtime_privilege_hook_installed");
    }

    @Test
    void withRulesInPlaceTheDependentChecksJudgeAgain(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.listening.add(PreparedHome.listener("0.0.0.0", 8080, "web"));
        h.connections.add(PreparedHome.outbound("203.0.113.9", 443, "node"));
        h.file(h.home.approvedPorts(), "[{\"port\": 8080, \"protocol\": \"tcp\"}]");
        h.file(h.home.egressAllowlist(), "[{\"cidr\": \"198.51.100.0/24\"}]");
        Assessment a = assess(h);
        assertThat(status(a, "public_binds_justified")).isEqualTo(Status.VIOLATION);
        assertThat(status(a, "egress_connections_approved")).isEqualTo(Status.VIOLATION);
    }

    @Test
    void noOutboundConnectionEarnsNoCredit(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.file(h.home.egressAllowlist(), "[{\"cidr\": \"198.51.100.0/24\"}]");
        assertThat(status(assess(h), "egress_connections_approved")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void theFloorComesFromClawguardJson(@TempDir Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.file(h.home.config(), "{\"assessment\": {\"min_coverage_percent\": 100}}");
        Assessment a = assess(h);
        assertThat(a.minCoveragePercent()).isEqualTo(100);
        assertThat(a.coverage().percent()).isLessThan(100);
        assertThat(a.band()).isEqualTo(Scoring.INSUFFICIENT);
    }
}
