package io.clawguard.compliance;

import java.util.stream.Collectors;

/**
 * The assessment as Markdown: a summary table, then each check worst first. What the checks found
 * quotes the host and OpenClaw's files (a channel name is the agent's to choose), so it is written
 * as text: the characters Markdown would read as HTML, a link, an image or emphasis are escaped.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String of(Assessment a, ControlCatalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("# ClawGuard compliance assessment\n\n");
        md.append("Host ").append(text(a.host())).append(", ").append(a.generatedAt()).append(" UTC\n\n");
        md.append("**Score ").append(a.score()).append("/100 (").append(a.band()).append(")**, coverage ")
                .append(a.coverage().describe()).append(" · ")
                .append(a.byStatus().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))).append("\n\n");
        md.append("| status | risk | check | observed |\n|---|---|---|---|\n");
        for (ScoredCheck s : a.checks()) {
            md.append("| ").append(s.result().status().wire()).append(" | ").append(s.result().risk()).append(" | ")
                    .append(cell(s.control().title())).append(" | ").append(text(s.result().observed())).append(" |\n");
        }
        for (ScoredCheck s : a.checks()) {
            md.append("\n## ").append(s.control().title()).append(" — ").append(s.result().status().wire()).append("\n\n");
            md.append("- **Expected:** ").append(s.control().expectedState()).append('\n');
            md.append("- **Observed:** ").append(text(s.result().observed())).append('\n');
            md.append("- **Evidence:** ").append(text(s.result().evidence())).append('\n');
            if (!s.result().gap().isEmpty()) {
                md.append("- **Gap:** ").append(text(s.result().gap())).append('\n');
                md.append("- **Mitigation:** ").append(text(s.result().mitigation())).append('\n');
            }
            md.append("- **Controls:** ").append(ids(s, catalog)).append('\n');
        }
        return md.toString();
    }

    static String ids(ScoredCheck s, ControlCatalog catalog) {
        return "ISO 27001 " + s.control().iso27001().stream().map(id -> id + " " + catalog.iso27001().getOrDefault(id, ""))
                .collect(Collectors.joining("; ")) + " · NIST CSF " + String.join(", ", s.control().nistCsf())
                + " · SP 800-53 " + String.join(", ", s.control().nistSp80053());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Found text, read by Markdown as the same text: CommonMark's backslash escape for every
     * character that opens HTML, a link or image, code, emphasis or a table cell, and one line.
     */
    private static String text(String found) {
        return found.replaceAll("[\\\\`*_\\[\\]<>|~!&]", "\\\\$0").replace("\n", " ");
    }
}
