package io.clawguard.bus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The compliance scorecard after a new assessment: score, coverage ("17 of 26 checks assessed"),
 * band, counts by status and risk, every check worst first.
 */
public record ScorecardChanged(int score, String coverage, int coveragePercent, String band,
                               Map<String, Long> byStatus, Map<String, Long> byRisk, List<CheckView> checks,
                               Instant at) implements Event {
    public ScorecardChanged {
        byStatus = Map.copyOf(byStatus);
        byRisk = Map.copyOf(byRisk);
        checks = List.copyOf(checks);
    }

    /** One check as the pane shows it; {@code controls} lists the ISO 27001 and NIST ids with titles. */
    public record CheckView(String checkId, String title, String status, String risk, String expected, String observed,
                            String evidence, String gap, String mitigation, List<String> controls) {
        public CheckView {
            controls = List.copyOf(controls);
        }
    }
}
