package io.clawguard.console;

import com.googlecode.lanterna.graphics.TextGraphics;

/** The bottom line: the keys of the view (from its keymap), or a notice after an action. */
final class StatusBar {
    private StatusBar() {
    }

    static void draw(TextGraphics g, int row, int width, ConsoleModel m, Keymap keys, Palette p) {
        g.setBackgroundColor(p.titleBackground());
        g.setForegroundColor(p.title());
        String text = m.notice().map(n -> " " + n).orElse(" " + keys.hints());
        g.putString(0, row, Fit.pad(text, width));
    }
}
