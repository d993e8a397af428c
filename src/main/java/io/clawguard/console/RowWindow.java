package io.clawguard.console;

/**
 * Which rows of a list a pane shows in {@code room} lines: a window that keeps the selected row
 * in sight and, when anything is left out, gives its last line to "… and N more". {@code listed}
 * rows are held; {@code matched} counts the rows there are, beyond what is held too.
 */
record RowWindow(int first, int count, int more) {

    static RowWindow of(int listed, int matched, int selected, int room) {
        if (room <= 0) {
            return new RowWindow(0, 0, 0);
        }
        if (matched <= room) {
            return new RowWindow(0, Math.min(listed, room), 0);
        }
        int rows = room - 1;
        int first = Math.max(0, Math.min(Math.max(0, selected) - (rows - 1), listed - rows));
        int count = Math.max(0, Math.min(rows, listed - first));
        return new RowWindow(first, count, matched - count);
    }

    boolean hasMore() {
        return more > 0;
    }
}
