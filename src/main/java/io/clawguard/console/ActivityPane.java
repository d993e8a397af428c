package io.clawguard.console;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Recent decisions and audit records, newest at the bottom, as the audit log received them. */
final class ActivityPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private ActivityPane() {
    }

    static void draw(TextGraphics g, TerminalPosition at, TerminalSize size, ConsoleModel m, Palette p) {
        List<ActivityLine> lines = m.activity();
        int inside = Math.max(0, size.getRows() - 2);
        long earlier = m.activityReceived() - Math.min(lines.size(), inside);
        TextGraphics in = Frame.draw(g, at, size, "Decisions and audit log"
                + (earlier > 0 ? " … and " + Counts.of(earlier) + " earlier" : ""), p);
        int w = in.getSize().getColumns();
        int h = in.getSize().getRows();
        int first = Math.max(0, lines.size() - h);
        for (int i = first; i < lines.size(); i++) {
            ActivityLine l = lines.get(i);
            in.setForegroundColor(switch (l.severity()) {
                case GOOD -> p.good();
                case WARN -> p.warn();
                case BAD -> p.bad();
                default -> p.text();
            });
            String marker = switch (l.severity()) {
                case BAD -> "✗";
                case GOOD -> "✓";
                case WARN -> "•";
                default -> " ";
            };
            in.putString(0, i - first, Fit.pad(TIME.format(l.at()) + " " + marker + " " + Fit.pad(l.action(), 20) + " "
                    + l.text(), w));
        }
        if (lines.isEmpty() && h > 0) {
            in.setForegroundColor(p.dim());
            in.putString(1, 0, Fit.fit("Nothing recorded since the console started.", w - 1));
        }
    }
}
