package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringAndReportsTest {
    private static CheckResult r(Status status, String risk) {
        return new CheckResult("x", status, risk, "", "", "", "");
    }

    @Test
    void scoreWeighsByRiskCountsPartialHalfAndLeavesOutTheUnassessed() {
        // high compliant 3 + medium partial 1 + low violation 0 = 4 of 3+2+1 = 6 → 66 (rounded down); not assessed ignored.
        assertThat(Scoring.score(List.of(r(Status.COMPLIANT, "high"), r(Status.PARTIAL, "medium"),
                r(Status.VIOLATION, "low"), r(Status.NOT_ASSESSED, "high")))).isEqualTo(66);
        assertThat(Scoring.score(List.of(r(Status.COMPLIANT, "low")))).isEqualTo(100);
        assertThat(Scoring.score(List.of(r(Status.VIOLATION, "critical"), r(Status.COMPLIANT, "low")))).isEqualTo(20);
        assertThat(Scoring.score(List.of(r(Status.NOT_ASSESSED, "high")))).isZero();
    }

    private static Assessment assessment(Path root) throws Exception {
        PreparedHome h = new PreparedHome(root);
        h.listening.add(PreparedHome.listener("0.0.0.0", 23, "telnetd"));
        h.openclaw("{gateway: {bind: 'lan'}}");
        return Assessor.builtIn().assess(h.signals(), Instant.parse("2026-11-24T12:00:00Z"), "host<1>");
    }

    @Test
    void checksComeWorstFirstWithCounts(@TempDir Path root) throws Exception {
        Assessment a = assessment(root);
        assertThat(a.checks()).hasSize(ControlsMap.builtIn().size());
        List<Status> order = a.checks().stream().map(s -> s.result().status()).toList();
        assertThat(order).isSorted();
        assertThat(a.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ControlsMap.builtIn().size());
        assertThat(a.score()).isEqualTo(Scoring.score(a.checks().stream().map(ScoredCheck::result).toList()));
    }

    @Test
    void theJsonValidatesAgainstItsSchema(@TempDir Path root) throws Exception {
        String json = JsonValues.pretty(AssessmentJson.of(assessment(root), ControlCatalog.builtIn()));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("references/assessment.schema.json")));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode doc = mapper.readTree(json);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).isEmpty();
        assertThat(doc.get("checks")).hasSize(ControlsMap.builtIn().size());
        assertThat(doc.get("checks").get(0).get("controls").get("iso27001").get(0).get("title").asText())
                .isNotEqualTo("(not in the catalog)");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("score", 101);
        assertThat(schema.validate(doc)).as("the schema rejects what it should").isNotEmpty();
    }

    @Test
    void theHtmlReportIsSelfContainedAndHasEveryCheck(@TempDir Path root) throws Exception {
        Assessment a = assessment(root);
        String html = HtmlReport.of(a, ControlCatalog.builtIn());
        for (ScoredCheck s : a.checks()) {
            assertThat(html).contains("id=\"" + s.control().checkId() + "\"");
        }
        assertThat(html).contains("Score " + a.score() + "/100", "host&lt;1&gt;", "Telnet")
                .doesNotContain("<script", "<link", "src=\"http", "href=\"http", "@import");
        String md = MarkdownReport.of(a, ControlCatalog.builtIn());
        assertThat(md).contains("# ClawGuard compliance assessment", "| violation | high |", "**Mitigation:**");
    }

    @Test
    void theCatalogIsCsf20WithRealTitles() {
        ControlCatalog catalog = ControlCatalog.builtIn();
        assertThat(catalog.nistCsf()).as("CSF 2.0 only: no CSF 1.1 ids such as PR.IP-01")
                .doesNotContainKeys("PR.IP-01", "PR.IP-04", "PR.AC-01", "PR.PT-03");
        assertThat(catalog.nistCsf().keySet()).allMatch(id -> id.matches("(GV|ID|PR|DE|RS|RC)\\.[A-Z]{2}-\\d{2}"));
        assertThat(catalog.iso27001().get("A.8.2")).isEqualTo("Privileged access rights");
        assertThat(catalog.nistSp80053().get("AC-6")).isEqualTo("Least Privilege");
    }

    @Test
    void theSeedsControlsMapStillLoads(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("map.json");
        TestHomes.write(seed, TestHomes.resource("seed-format/compliance-controls-map.json"));
        List<Control> controls = ControlsMap.load(seed);
        assertThat(controls).hasSize(20);
        assertThat(controls.get(0).nistCsf()).contains("PR.AA-01");
        Assessment a = new Assessor(controls).assess(new PreparedHome(dir.resolve("h")).signals(), Instant.now(), "h");
        assertThat(a.checks()).hasSize(20);
    }
}
