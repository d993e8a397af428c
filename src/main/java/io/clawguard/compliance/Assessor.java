package io.clawguard.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check of the controls map against the signals. A map entry with no check in
 * code is reported {@code not_assessed}, never silently dropped.
 */
public final class Assessor {
    private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);
    private final List<Control> controls;
    private final Map<String, Check> checks;

    public Assessor(List<Control> controls) {
        this(controls, Stream.of(PrivilegeChecks.all(), NetworkChecks.all(), HostChecks.all(), HostHardeningChecks.all(),
                OpenClawChecks.all()).flatMap(List::stream).toList());
    }

    /** The map's entries judged by these checks. */
    Assessor(List<Control> controls, List<Check> checks) {
        this.controls = List.copyOf(controls);
        this.checks = checks.stream().collect(Collectors.toMap(Check::id, Function.identity()));
    }

    public static Assessor builtIn() {
        return new Assessor(ControlsMap.builtIn());
    }

    /**
     * One check whatever the host holds: a check that fails on something unforeseen costs its own
     * result (an error, scored 0), never the assessment and its reports.
     */
    private static CheckResult.Draft evaluate(Check check, Signals signals) {
        try {
            return check.evaluate(signals);
        } catch (RuntimeException e) {
            LOG.error("check {} failed", check.id(), e);
            return CheckResult.error("check " + check.id(), "it failed on what it read (" + e.getClass().getSimpleName()
                    + "); the log has the details", "Report this, with the log, to ClawGuard's maintainers; meanwhile"
                    + " judge the control by hand.");
        }
    }

    public Assessment assess(Signals signals, Instant now, String host) {
        List<ScoredCheck> scored = new ArrayList<>();
        for (Control control : controls) {
            Check check = checks.get(control.checkId());
            CheckResult.Draft draft = check == null
                    ? CheckResult.notAssessed("ClawGuard has no check for " + control.checkId(), "the controls map")
                    : evaluate(check, signals);
            scored.add(draft.as(control));
        }
        scored.sort(Comparator.comparing((ScoredCheck s) -> s.result().status())
                .thenComparing(s -> -Scoring.weight(s.result().risk())).thenComparing(s -> s.control().checkId()));
        List<CheckResult> results = scored.stream().map(ScoredCheck::result).toList();
        int score = Scoring.score(results);
        Coverage coverage = Coverage.of(results);
        int floor = signals.settings().minCoveragePercent();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Status st : Status.values()) {
            byStatus.put(st.wire(), results.stream().filter(r -> r.status() == st).count());
        }
        Map<String, Long> byRisk = new TreeMap<>(results.stream().collect(Collectors.groupingBy(CheckResult::risk,
                Collectors.counting())));
        return new Assessment(now, host, score, coverage, floor, Scoring.band(score, coverage, floor), byStatus,
                byRisk, scored);
    }
}
