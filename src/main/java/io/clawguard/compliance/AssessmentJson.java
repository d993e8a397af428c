package io.clawguard.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON of an assessment ({@code references/assessment.schema.json}, schema id
 * {@code clawguard-assessment/2}): the same results the console shows.
 */
public final class AssessmentJson {
    public static final String SCHEMA = "clawguard-assessment/2";

    private AssessmentJson() {
    }

    public static Map<String, Object> of(Assessment a, ControlCatalog catalog) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("generated_at_utc", a.generatedAt().toString());
        m.put("host", a.host());
        m.put("score", (long) a.score());
        m.put("band", a.band());
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("assessed_checks", (long) a.coverage().assessedChecks());
        coverage.put("total_checks", (long) a.coverage().totalChecks());
        coverage.put("assessed_weight", (long) a.coverage().assessedWeight());
        coverage.put("total_weight", (long) a.coverage().totalWeight());
        coverage.put("percent", (long) a.coverage().percent());
        coverage.put("min_percent", (long) a.minCoveragePercent());
        m.put("coverage", coverage);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("by_status", new LinkedHashMap<String, Object>(a.byStatus()));
        counts.put("by_risk", new LinkedHashMap<String, Object>(a.byRisk()));
        m.put("counts", counts);
        List<Object> checks = new ArrayList<>();
        for (ScoredCheck s : a.checks()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("check_id", s.control().checkId());
            c.put("title", s.control().title());
            c.put("status", s.result().status().wire());
            c.put("risk", s.result().risk());
            c.put("expected_state", s.control().expectedState());
            c.put("observed_state", s.result().observed());
            c.put("evidence", s.result().evidence());
            c.put("gap", s.result().gap());
            c.put("mitigation", s.result().mitigation());
            Map<String, Object> controls = new LinkedHashMap<>();
            controls.put("iso27001", refs(s.control().iso27001(), catalog.iso27001()));
            controls.put("nist_csf", refs(s.control().nistCsf(), catalog.nistCsf()));
            controls.put("nist_sp800_53", refs(s.control().nistSp80053(), catalog.nistSp80053()));
            c.put("controls", controls);
            checks.add(c);
        }
        m.put("checks", checks);
        return m;
    }

    private static List<Object> refs(List<String> ids, Map<String, String> titles) {
        List<Object> out = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", id);
            r.put("title", titles.getOrDefault(id, "(not in the catalog)"));
            out.add(r);
        }
        return out;
    }
}
