package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** The ports or the egress pane: one row a listener or destination, flagged rows marked. */
final class MonitorPane {
    private MonitorPane() {
    }

    static void draw(TextGraphics g, TerminalPosition at, TerminalSize size, String title, List<NetworkRow> rows,
                     int selected, boolean focused, String emptyText, String status, Palette p) {
        TextGraphics in = Frame.draw(g, at, size, (focused ? "▶ " : "") + title, p);
        int w = in.getSize().getColumns();
        int h = in.getSize().getRows();
        if (h <= 0) {
            return;
        }
        int line = 0;
        if (status != null) {
            in.setForegroundColor(p.warn());
            in.putString(0, line++, Fit.pad(status, w));
        }
        if (rows.isEmpty()) {
            in.setForegroundColor(p.dim());
            if (line < h) {
                in.putString(1, line, Fit.fit(emptyText, w - 1));
            }
            return;
        }
        int room = h - line;
        int first = Math.max(0, selected - (room - 1));
        for (int i = first; i < rows.size() && line < h; i++, line++) {
            NetworkRow r = rows.get(i);
            in.setForegroundColor(r.flagged() ? p.bad() : p.good());
            if (focused && i == selected) {
                in.enableModifiers(SGR.REVERSE);
            }
            String head = (r.flagged() ? "!" : " ") + String.format("%-3s", Fit.fit(r.flags(), 3)) + " ";
            String full = head + r.text() + "  " + r.process();
            // Too narrow for the whole row (80x24): port and program first, the rest after them.
            in.putString(0, line, Fit.pad(full.length() <= w ? full : head + r.port() + " " + r.process() + " " + r.text(),
                    w));
            in.disableModifiers(SGR.REVERSE);
        }
    }
}
