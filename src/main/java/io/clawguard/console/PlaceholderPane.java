package io.clawguard.console;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/** A pane whose monitor does not report yet: it says so rather than showing nothing. */
final class PlaceholderPane {
    private PlaceholderPane() {
    }

    static void draw(TextGraphics g, TerminalPosition at, TerminalSize size, String title, Palette p) {
        TextGraphics in = Frame.draw(g, at, size, title, p);
        if (in.getSize().getRows() > 0) {
            in.setForegroundColor(p.dim());
            in.putString(1, 0, Fit.fit("not collected yet", in.getSize().getColumns() - 1));
        }
    }
}
