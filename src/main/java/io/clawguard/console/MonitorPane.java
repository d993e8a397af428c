package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/**
 * The ports or the egress pane: one row a listener or destination, flagged rows marked, the
 * {@code /} filter's line (with a cursor while it is typed), and "… and N more" when not every row fits.
 */
final class MonitorPane {
    private MonitorPane() {
    }

    static void draw(TextGraphics g, TerminalPosition at, TerminalSize size, String title, NetworkPane pane,
                     boolean focused, String emptyText, String status, Palette p) {
        TextGraphics in = Frame.draw(g, at, size, (focused ? "▶ " : "") + title, p);
        int w = in.getSize().getColumns();
        int h = in.getSize().getRows();
        int line = 0;
        if (status != null && line < h) {
            in.setForegroundColor(p.warn());
            in.putString(0, line++, Fit.pad(status, w));
        }
        if (pane.filtered() && line < h) {
            in.setForegroundColor(pane.editing() ? p.text() : p.dim());
            // The count again here: at 80 columns the title is cut before it.
            in.putString(0, line++, Fit.pad("/" + pane.visibleFilter() + (pane.editing() ? "▏" : "") + "  "
                    + pane.matchedOfTotal(), w));
        }
        List<NetworkRow> rows = pane.rows();
        if (rows.isEmpty()) {
            in.setForegroundColor(p.dim());
            if (line < h) {
                in.putString(1, line, Fit.fit(pane.filtered() ? "nothing matches the filter" : emptyText, w - 1));
            }
            return;
        }
        int selected = pane.selected();
        RowWindow window = RowWindow.of(rows.size(), pane.matched(), selected, h - line);
        for (int i = window.first(); i < window.first() + window.count(); i++, line++) {
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
        if (window.hasMore()) {
            in.setForegroundColor(p.dim());
            in.putString(1, line, Fit.fit(Counts.andMore(window.more()), w - 1));
        }
    }
}
