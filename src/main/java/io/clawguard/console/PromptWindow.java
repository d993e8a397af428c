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
import java.util.function.Consumer;

/**
 * A one-line question over the console: Enter answers, Esc cancels (the answer is then
 * null). It never blocks the GUI thread: the answer arrives through a callback.
 */
final class PromptWindow extends BasicWindow {
    private PromptWindow(String title, String question, boolean masked, int width, Consumer<String> answer) {
        super(title);
        setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        TextBox input = new TextBox(new TerminalSize(width, 1));
        if (masked) {
            input.setMask('*');
        }
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL));
        for (String line : question.split("\n")) {
            panel.addComponent(new Label(line));
        }
        panel.addComponent(input);
        panel.addComponent(new Label("Enter to answer, Esc to cancel"));
        setComponent(panel);
        addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window window, KeyStroke key, AtomicBoolean deliverEvent) {
                if (key.getKeyType() == KeyType.Enter || key.getKeyType() == KeyType.Escape) {
                    deliverEvent.set(false);
                    close();
                    answer.accept(key.getKeyType() == KeyType.Enter ? input.getText() : null);
                }
            }
        });
    }

    static void ask(WindowBasedTextGUI gui, String title, String question, boolean masked, Consumer<String> answer) {
        int width = Math.max(20, Math.min(60, gui.getScreen().getTerminalSize().getColumns() - 10));
        gui.addWindow(new PromptWindow(title, question, masked, width, answer));
    }
}
