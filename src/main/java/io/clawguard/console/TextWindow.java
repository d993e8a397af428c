package io.clawguard.console;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A read-only, scrollable text over the console (the request detail, the key help).
 * Nothing in it is cut: long lines are folded to the window, never scrolled sideways (a
 * sideways scroll hides the end of a line). Esc, Enter or q closes it.
 */
final class TextWindow extends BasicWindow {
    private TextWindow(String title, List<String> lines, TerminalSize screen) {
        super(title);
        setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        int widest = lines.stream().mapToInt(String::length).max().orElse(10);
        int columns = Math.max(20, Math.min(widest + 1, screen.getColumns() - 6));
        // One column is the vertical scroll bar's.
        List<String> folded = Wrap.lines(lines, columns - 1);
        TerminalSize size = new TerminalSize(columns, Math.max(3, Math.min(folded.size(), screen.getRows() - 8)));
        TextBox text = new TextBox(size, String.join("\n", folded), TextBox.Style.MULTI_LINE);
        text.setReadOnly(true);
        text.setHorizontalFocusSwitching(false);
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL));
        panel.addComponent(text);
        panel.addComponent(new Label("arrows scroll, Esc closes"));
        setComponent(panel);
        addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window window, KeyStroke key, AtomicBoolean deliverEvent) {
                boolean q = key.getKeyType() == KeyType.Character && (key.getCharacter() == 'q' || key.getCharacter() == '?');
                if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.Enter || q) {
                    deliverEvent.set(false);
                    close();
                }
            }
        });
    }

    static void show(WindowBasedTextGUI gui, String title, List<String> lines) {
        gui.addWindow(new TextWindow(title, lines, gui.getScreen().getTerminalSize()));
    }
}
