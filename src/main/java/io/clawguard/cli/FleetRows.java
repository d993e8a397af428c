package io.clawguard.cli;

import io.clawguard.text.VisibleText;
import io.clawguard.fleet.FleetAssessment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One host's row of {@code assess --host}: a line for the terminal and an object for the JSON
 * report. Every text in it came from another machine, so the line shows it escaped.
 */
final class FleetRows {
    private FleetRows() {
    }

    static String line(FleetAssessment.HostReport r) {
        if (r.assessment() == null) {
            return String.format("%-16s %5s  %s", r.host(), "-", "NOT ASSESSED: " + shown(r.problem()));
        }
        Map<?, ?> a = r.assessment();
        Map<?, ?> byStatus = byStatus(a);
        return String.format("%-16s %5s %8s  %-21s %9s %5s %7s %9s %12s  %s", r.host(), shown(a.get("score")),
                coverage(a), shown(a.get("band")), count(byStatus, "violation"), count(byStatus, "error"),
                count(byStatus, "partial"), count(byStatus, "compliant"), count(byStatus, "not_assessed"), worst(a));
    }

    static Map<String, Object> json(FleetAssessment.HostReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", r.host());
        if (r.assessment() != null) {
            m.put("assessment", r.assessment());
        } else {
            m.put("error", r.problem());
        }
        return m;
    }

    static boolean violated(FleetAssessment.HostReport r) {
        return r.assessment() != null && (positive(byStatus(r.assessment()).get("violation"))
                || positive(byStatus(r.assessment()).get("error")));
    }

    private static boolean positive(Object count) {
        return count instanceof Number n && n.longValue() > 0;
    }

    /** No assessment from the host, or one that covers too little to grade it. */
    static boolean insufficient(FleetAssessment.HostReport r) {
        return r.assessment() == null || "insufficient evidence".equals(r.assessment().get("band"));
    }

    private static Map<?, ?> byStatus(Map<?, ?> a) {
        return a.get("counts") instanceof Map<?, ?> c && c.get("by_status") instanceof Map<?, ?> s ? s : Map.of();
    }

    private static String coverage(Map<?, ?> a) {
        return a.get("coverage") instanceof Map<?, ?> c && c.get("percent") instanceof Number n
                ? n.longValue() + " %" : "-";
    }

    private static String count(Map<?, ?> byStatus, String status) {
        return byStatus.get(status) instanceof Number n ? Long.toString(n.longValue()) : "0";
    }

    /** The first violated check of high risk, else the first violated one: what to look at first on that host. */
    private static String worst(Map<?, ?> a) {
        if (!(a.get("checks") instanceof List<?> checks)) {
            return "";
        }
        String first = "";
        for (Object o : checks) {
            if (o instanceof Map<?, ?> c && "violation".equals(c.get("status"))) {
                if ("high".equals(c.get("risk"))) {
                    return shown(c.get("check_id"));
                }
                if (first.isEmpty()) {
                    first = shown(c.get("check_id"));
                }
            }
        }
        return first;
    }

    private static String shown(Object value) {
        return VisibleText.of(String.valueOf(value)).text();
    }
}
