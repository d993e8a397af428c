package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.time.Duration;
import java.util.List;

/**
 * Requests waiting for a decision, oldest first. Flags: {@code !} hidden characters were
 * made visible, {@code U} untrusted source, {@code K} keep asked for, {@code S} through sudo,
 * {@code X} an interpreter is handed code (inline or a script: never kept for the session).
 */
final class PendingPane {
    private PendingPane() {
    }

    static void draw(TextGraphics g, TerminalPosition at, TerminalSize size, ConsoleModel m, Palette p) {
        List<PendingRow> rows = m.pending();
        TextGraphics in = Frame.draw(g, at, size, (m.focus() == ConsoleModel.Focus.PENDING ? "▶ " : "")
                + "Pending approvals (" + rows.size() + ")", p);
        int w = in.getSize().getColumns();
        int h = in.getSize().getRows();
        if (h <= 0) {
            return;
        }
        in.setForegroundColor(p.dim());
        boolean hosts = m.hosts().isPresent();
        in.putString(0, 0, Fit.pad(columns(" flag", hosts ? "host" : null, "id", "wait", "command", "reason", w), w));
        if (rows.isEmpty()) {
            in.setForegroundColor(p.dim());
            if (h > 1) {
                in.putString(1, 1, Fit.fit("No requests waiting. Requests from `clawguard exec` appear here.", w - 1));
            }
            return;
        }
        int selectedAt = m.selectedIndex();
        // Every request is held (the broker bounds them: max_pending_per_uid); those that do not fit are counted.
        RowWindow window = RowWindow.of(rows.size(), rows.size(), selectedAt, h - 1);
        for (int i = window.first(); i < window.first() + window.count(); i++) {
            PendingRow r = rows.get(i);
            boolean selected = i == selectedAt;
            int y = i - window.first() + 1;
            in.setForegroundColor(flagged(r) ? p.bad() : p.text());
            in.setBackgroundColor(p.background());
            if (selected) {
                in.enableModifiers(SGR.REVERSE);
            }
            in.putString(0, y, Fit.pad(line(r, selected, m, w), w));
            in.disableModifiers(SGR.REVERSE);
        }
        if (window.hasMore()) {
            long flagged = hiddenFlagged(rows, window);
            in.setForegroundColor(flagged > 0 ? p.bad() : p.dim());
            in.putString(1, window.count() + 1, Fit.fit(Counts.andMore(window.more())
                    + (flagged > 0 ? ", " + Counts.of(flagged) + " of them flagged" : ""), w - 1));
        }
    }

    /** Requests kept in arrival order may leave a flagged one out of sight: the count line says so. */
    private static long hiddenFlagged(List<PendingRow> rows, RowWindow window) {
        long flagged = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean hidden = i < window.first() || i >= window.first() + window.count();
            if (hidden && flagged(rows.get(i))) {
                flagged++;
            }
        }
        return flagged;
    }

    private static boolean flagged(PendingRow r) {
        return r.suspicious() || r.request().untrusted();
    }

    static String line(PendingRow r, boolean selected, ConsoleModel m, int width) {
        String flags = (selected ? ">" : " ") + (r.suspicious() ? "!" : "-") + (r.request().untrusted() ? "U" : "-")
                + (r.request().keepRequested() ? "K" : "-") + (r.request().useSudo() ? "S" : "-")
                + (r.request().code().any() ? "X" : "-");
        Duration waited = Duration.between(r.request().at(), m.now());
        String reason = r.approvals().isEmpty() ? r.reason() : "[" + r.approvals() + "] " + r.reason();
        return columns(flags, m.hosts().isPresent() ? r.host() : null, r.shortId(), Fit.clock(waited), r.commandLine(),
                reason, width);
    }

    /**
     * Flags, the host (a console over many), id, wait, then the command gets two thirds of what
     * is left and the reason the rest.
     */
    private static String columns(String flags, String host, String id, String wait, String command, String reason,
                                  int width) {
        String head = String.format("%-6s %s%-5s %5s  ", flags, host == null ? "" : Fit.pad(Fit.fit(host, 10), 10) + " ",
                Fit.fit(id, 5), Fit.fit(wait, 5));
        int rest = Math.max(0, width - head.length());
        int commandWidth = Math.max(10, rest * 2 / 3);
        return head + Fit.pad(command, commandWidth) + " " + Fit.fit(reason, Math.max(0, rest - commandWidth - 1));
    }
}
