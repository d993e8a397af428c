package io.clawguard.console;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import java.util.List;

/**
 * Where each pane goes for a terminal size: title line, pending approvals, activity, the
 * three monitor panes side by side, status line. Panes never overlap; on a short terminal
 * the monitor row goes first so the approvals keep their room.
 */
record ConsoleLayout(int titleRow, Region pending, Region activity, List<Region> monitors, int statusRow) {

    /** A rectangle of the screen. */
    record Region(TerminalPosition at, TerminalSize size) {
        int top() {
            return at.getRow();
        }

        int bottom() {
            return at.getRow() + size.getRows();
        }

        int left() {
            return at.getColumn();
        }

        int right() {
            return at.getColumn() + size.getColumns();
        }

        boolean overlaps(Region o) {
            return left() < o.right() && o.left() < right() && top() < o.bottom() && o.top() < bottom();
        }
    }

    /** The least the console is drawn on: below it, a broken layout could hide what a key would approve. */
    static final TerminalSize SMALLEST = new TerminalSize(80, 24);

    static boolean tooSmall(TerminalSize size) {
        return size.getColumns() < SMALLEST.getColumns() || size.getRows() < SMALLEST.getRows();
    }

    static ConsoleLayout of(TerminalSize size) {
        int cols = size.getColumns();
        int body = Math.max(0, size.getRows() - 2);
        boolean monitorsShown = body >= 14;
        int monitorHeight = monitorsShown ? Math.max(4, body * 3 / 10) : 0;
        int pendingHeight = Math.max(Math.min(body, 5), (body - monitorHeight) * 11 / 20);
        int activityHeight = Math.max(0, body - monitorHeight - pendingHeight);
        Region pending = new Region(new TerminalPosition(0, 1), new TerminalSize(cols, pendingHeight));
        Region activity = new Region(new TerminalPosition(0, 1 + pendingHeight), new TerminalSize(cols, activityHeight));
        int monitorTop = 1 + pendingHeight + activityHeight;
        List<Region> monitors = List.of();
        if (monitorsShown) {
            int third = cols / 3;
            monitors = List.of(
                    new Region(new TerminalPosition(0, monitorTop), new TerminalSize(third, monitorHeight)),
                    new Region(new TerminalPosition(third, monitorTop), new TerminalSize(third, monitorHeight)),
                    new Region(new TerminalPosition(2 * third, monitorTop), new TerminalSize(cols - 2 * third, monitorHeight)));
        }
        return new ConsoleLayout(0, pending, activity, monitors, size.getRows() - 1);
    }
}
