package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.clawguard.text.VisibleText;
import io.clawguard.bus.ScorecardChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The compliance scorecard: the score as a bar in its band's colour, counts by status, then
 * one row per check, worst first, its status as a word (so it reads without colour too).
 */
final class ScorecardPane {
    private ScorecardPane() {
    }

    static void draw(TextGraphics g, TerminalPosition at, TerminalSize size, Optional<ScorecardChanged> card,
                     int selected, boolean focused, Palette p) {
        String mark = focused ? "▶ " : "";
        TextGraphics in = Frame.draw(g, at, size, mark + title(card, size.getColumns() - 6 - mark.length()), p);
        int w = in.getSize().getColumns();
        int h = in.getSize().getRows();
        if (card.isEmpty()) {
            in.setForegroundColor(p.dim());
            if (h > 0) {
                in.putString(1, 0, Fit.fit("not assessed yet", w - 1));
            }
            return;
        }
        ScorecardChanged c = card.get();
        if (h < 1) {
            return;
        }
        int filled = Math.round(c.score() * Math.max(0, w - 5) / 100f);
        in.setForegroundColor(c.band().equals("insufficient evidence") ? p.dim()
                : c.score() >= 90 ? p.good() : c.score() >= 50 ? p.warn() : p.bad());
        in.putString(0, 0, Fit.pad("█".repeat(filled) + "░".repeat(Math.max(0, w - 5 - filled)) + String.format("%4d",
                c.score()), w));
        if (h < 2) {
            return;
        }
        in.setForegroundColor(p.dim());
        String coverage = visible(c.coverage());
        in.putString(0, 1, Fit.pad(coverage.length() <= w ? coverage
                : c.coveragePercent() + " % of the weight assessed", w));
        int header = 2;
        if (h >= 8) {
            in.putString(0, 2, Fit.pad(c.byStatus().getOrDefault("violation", 0L) + " fail  "
                    + c.byStatus().getOrDefault("error", 0L) + " err  " + c.byStatus().getOrDefault("partial", 0L)
                    + " part  " + c.byStatus().getOrDefault("compliant", 0L) + " ok  "
                    + c.byStatus().getOrDefault("not_assessed", 0L) + " unknown  "
                    + c.byStatus().getOrDefault("not_applicable", 0L) + " n/a", w));
            header = 3;
        }
        int room = h - header;
        int first = Math.max(0, selected - (room - 1));
        for (int i = first; i < c.checks().size() && i - first < room; i++) {
            ScorecardChanged.CheckView v = c.checks().get(i);
            in.setForegroundColor(switch (v.status()) {
                case "violation", "error" -> p.bad();
                case "partial" -> p.warn();
                case "compliant" -> p.good();
                default -> p.dim();
            });
            if (focused && i == selected) {
                in.enableModifiers(SGR.REVERSE);
            }
            in.putString(0, header + i - first, Fit.pad(String.format("%-4s %-4s %s", word(v.status()),
                    v.risk().equals("medium") ? "med" : visible(v.risk()), visible(v.checkId())), w));
            in.disableModifiers(SGR.REVERSE);
        }
    }

    /**
     * The score, band and coverage, in the room the frame leaves. Too little assessed to grade:
     * the band replaces the score (the bar still shows it), and a narrow pane says "no grade".
     */
    private static String title(Optional<ScorecardChanged> card, int room) {
        if (card.isEmpty()) {
            return "Compliance scorecard";
        }
        ScorecardChanged c = card.get();
        // Over many hosts the card comes from another machine: its words are shown escaped.
        String band = visible(c.band());
        boolean ungraded = band.equals("insufficient evidence");
        String covered = c.coveragePercent() + " % covered";
        List<String> forms = ungraded
                ? List.of("Compliance: " + band + ", " + covered, "Compliance: no grade, " + covered,
                "No grade: " + covered)
                : List.of("Compliance " + c.score() + "/100 " + band + ", " + covered,
                "Compliance " + c.score() + " " + band + ", " + covered, c.score() + " " + band + ", " + covered);
        return forms.stream().filter(f -> f.length() <= room).findFirst().orElse(forms.get(forms.size() - 1));
    }

    private static String word(String status) {
        return switch (status) {
            case "violation" -> "FAIL";
            case "error" -> "ERR";
            case "partial" -> "PART";
            case "compliant" -> "OK";
            case "not_applicable" -> "N/A";
            default -> "??";
        };
    }

    private static String visible(String text) {
        return VisibleText.of(text).text();
    }

    /** The detail view: expected and observed state, evidence, gap, what to do, and the controls. */
    static List<String> detail(ScorecardChanged.CheckView v) {
        List<String> out = new ArrayList<>();
        // Observed state, evidence and gap quote the host: process names the processes chose among them.
        out.add(visible(v.title()) + " — " + visible(v.status().toUpperCase(Locale.ROOT)) + " (" + visible(v.risk())
                + " risk)");
        out.add("expected   " + visible(v.expected()));
        out.add("observed   " + visible(v.observed()));
        out.add("evidence   " + visible(v.evidence()));
        if (!v.gap().isEmpty()) {
            out.add("gap        " + visible(v.gap()));
            out.add("what to do " + visible(v.mitigation()));
        }
        out.add("controls");
        v.controls().forEach(c -> out.add("  " + visible(c)));
        return out;
    }
}
