package io.clawguard.compliance;

import java.util.Map;

/** The assessment as one self-contained HTML page (inline CSS, no external assets). */
public final class HtmlReport {
    private static final Map<Status, String> COLORS = Map.of(Status.VIOLATION, "#c62828", Status.ERROR, "#ad1457",
            Status.PARTIAL, "#ef6c00", Status.NOT_ASSESSED, "#616161", Status.NOT_APPLICABLE, "#9e9e9e",
            Status.COMPLIANT, "#2e7d32");

    private HtmlReport() {
    }

    public static String of(Assessment a, ControlCatalog catalog) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>ClawGuard assessment — ").append(esc(a.host())).append("</title><style>")
                .append("body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#212121}")
                .append("h1{margin-bottom:.2rem}.meta{color:#616161}.bar{height:1.2rem;background:#e0e0e0;border-radius:4px}")
                .append(".fill{height:100%;border-radius:4px}table{border-collapse:collapse;width:100%;margin:1rem 0}")
                .append("td,th{border-bottom:1px solid #e0e0e0;padding:.35rem .5rem;text-align:left;vertical-align:top}")
                .append(".st{font-weight:600;text-transform:uppercase;font-size:12px}details{margin:.4rem 0}")
                .append("summary{cursor:pointer}dl{display:grid;grid-template-columns:9rem 1fr;gap:.2rem 1rem}")
                .append("dt{color:#616161}code{font-size:13px}</style></head><body>\n");
        h.append("<h1>ClawGuard compliance assessment</h1><p class=\"meta\">Host <code>").append(esc(a.host()))
                .append("</code> · ").append(a.generatedAt()).append(" UTC · ISO/IEC 27001:2022, NIST CSF 2.0,"
                        + " NIST SP 800-53 r5</p>\n");
        String color = a.insufficientEvidence() ? "#616161" : a.score() >= 90 ? "#2e7d32" : a.score() >= 75 ? "#9e9d24"
                : a.score() >= 50 ? "#ef6c00" : "#c62828";
        h.append("<h2>Score ").append(a.score()).append("/100 — ").append(esc(a.band())).append("</h2>")
                .append("<p><b>Coverage ").append(a.coverage().percent()).append(" %</b>: ")
                .append(esc(a.coverage().describe())).append("; below ").append(a.minCoveragePercent())
                .append(" % the host is not graded.</p>")
                .append("<div class=\"bar\"><div class=\"fill\" style=\"width:").append(a.score()).append("%;background:")
                .append(color).append("\"></div></div><p>");
        a.byStatus().forEach((k, v) -> h.append(v).append(' ').append(esc(k)).append(" · "));
        h.append("by risk: ");
        a.byRisk().forEach((k, v) -> h.append(v).append(' ').append(esc(k)).append(' '));
        h.append("</p>\n<table><tr><th>Status</th><th>Risk</th><th>Check</th><th>Observed</th></tr>\n");
        for (ScoredCheck s : a.checks()) {
            h.append("<tr><td class=\"st\" style=\"color:").append(COLORS.get(s.result().status())).append("\">")
                    .append(s.result().status().wire()).append("</td><td>").append(esc(s.result().risk()))
                    .append("</td><td><a href=\"#").append(esc(s.control().checkId())).append("\">")
                    .append(esc(s.control().title())).append("</a></td><td>").append(esc(s.result().observed()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Checks</h2>\n");
        for (ScoredCheck s : a.checks()) {
            h.append("<details id=\"").append(esc(s.control().checkId())).append("\"")
                    .append(s.result().status() == Status.COMPLIANT ? "" : " open").append("><summary><b>")
                    .append(esc(s.control().title())).append("</b> — <span class=\"st\" style=\"color:")
                    .append(COLORS.get(s.result().status())).append("\">").append(s.result().status().wire())
                    .append("</span></summary><dl>");
            row(h, "Expected", s.control().expectedState());
            row(h, "Observed", s.result().observed());
            row(h, "Evidence", s.result().evidence());
            if (!s.result().gap().isEmpty()) {
                row(h, "Gap", s.result().gap());
                row(h, "Mitigation", s.result().mitigation());
            }
            row(h, "Controls", MarkdownReport.ids(s, catalog));
            h.append("</dl></details>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<dt>").append(name).append("</dt><dd>").append(esc(value)).append("</dd>");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
