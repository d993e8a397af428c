package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.Symbols;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;

/** A pane's border with its title; returns the drawing area inside it. */
final class Frame {
    private Frame() {
    }

    static TextGraphics draw(TextGraphics g, TerminalPosition at, TerminalSize size, String title, Palette p) {
        int w = size.getColumns();
        int h = size.getRows();
        g.setForegroundColor(p.frame());
        g.setBackgroundColor(p.background());
        g.drawLine(at.getColumn() + 1, at.getRow(), at.getColumn() + w - 2, at.getRow(), Symbols.SINGLE_LINE_HORIZONTAL);
        g.drawLine(at.getColumn() + 1, at.getRow() + h - 1, at.getColumn() + w - 2, at.getRow() + h - 1,
                Symbols.SINGLE_LINE_HORIZONTAL);
        g.drawLine(at.getColumn(), at.getRow() + 1, at.getColumn(), at.getRow() + h - 2, Symbols.SINGLE_LINE_VERTICAL);
        g.drawLine(at.getColumn() + w - 1, at.getRow() + 1, at.getColumn() + w - 1, at.getRow() + h - 2,
                Symbols.SINGLE_LINE_VERTICAL);
        g.setCharacter(at.getColumn(), at.getRow(), Symbols.SINGLE_LINE_TOP_LEFT_CORNER);
        g.setCharacter(at.getColumn() + w - 1, at.getRow(), Symbols.SINGLE_LINE_TOP_RIGHT_CORNER);
        g.setCharacter(at.getColumn(), at.getRow() + h - 1, Symbols.SINGLE_LINE_BOTTOM_LEFT_CORNER);
        g.setCharacter(at.getColumn() + w - 1, at.getRow() + h - 1, Symbols.SINGLE_LINE_BOTTOM_RIGHT_CORNER);
        g.setForegroundColor(p.text());
        g.enableModifiers(SGR.BOLD);
        g.putString(at.getColumn() + 2, at.getRow(), TerminalTextUtils.fitString(" " + title + " ", Math.max(0, w - 4)));
        g.disableModifiers(SGR.BOLD);
        TextGraphics inside = g.newTextGraphics(at.withRelative(1, 1), new TerminalSize(Math.max(0, w - 2), Math.max(0, h - 2)));
        inside.setBackgroundColor(p.background());
        inside.setForegroundColor(p.text());
        return inside;
    }
}
