package io.clawguard.console;

import com.googlecode.lanterna.TerminalTextUtils;
import java.time.Duration;

/** Text fitted to terminal columns (wide characters count double), cut with an ellipsis. */
final class Fit {
    private Fit() {
    }

    static String fit(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (TerminalTextUtils.getColumnWidth(s) <= columns) {
            return s;
        }
        return TerminalTextUtils.fitString(s, columns - 1) + "…";
    }

    /** Pads or cuts to exactly {@code columns}. */
    static String pad(String s, int columns) {
        String f = fit(s, columns);
        return f + " ".repeat(Math.max(0, columns - TerminalTextUtils.getColumnWidth(f)));
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
