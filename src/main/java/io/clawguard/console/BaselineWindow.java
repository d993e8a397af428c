package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineReview;
import io.clawguard.text.VisibleText;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The baseline review over the whole console: one proposed rule a line with the process and
 * bind address it came from; space keeps or drops, c adds a justification, s saves, Esc
 * abandons. Nothing is written before s.
 */
final class BaselineWindow extends BasicWindow {
    private final BaselineReview review;
    private final Palette palette;
    private final Keymap keys;
    private int selected;

    private BaselineWindow(WindowBasedTextGUI gui, BaselineReview review, Palette palette,
                           Consumer<BaselineReview> save, Runnable abandon) {
        super("Baseline review");
        this.review = review;
        this.palette = palette;
        setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS, Window.Hint.MODAL));
        View view = new View();
        this.keys = new Keymap(List.of(
                KeyBinding.special(KeyType.ArrowUp, "↑", "", "previous rule", () -> move(-1)),
                KeyBinding.special(KeyType.ArrowDown, "↓", "", "next rule", () -> move(1)),
                KeyBinding.character(' ', "keep/drop", "keep or drop the selected rule", false, () -> {
                    if (!review.items().isEmpty()) {
                        review.toggle(selected);
                    }
                }),
                KeyBinding.character('c', "comment", "justify the selected rule", false, () -> comment(gui, view)),
                KeyBinding.character('s', "save", "save the kept rules (the old file is kept as a backup)", true, () -> {
                    close();
                    save.accept(review);
                }),
                KeyBinding.special(KeyType.Escape, "Esc", "abandon", "abandon the review; nothing is written", () -> {
                    close();
                    abandon.run();
                })));
        setComponent(view);
        addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliverEvent) {
                if (keys.handle(key)) {
                    deliverEvent.set(false);
                    view.invalidate();
                }
            }
        });
    }

    static void open(WindowBasedTextGUI gui, BaselineReview review, Palette palette, Consumer<BaselineReview> save,
                     Runnable abandon) {
        gui.addWindow(new BaselineWindow(gui, review, palette, save, abandon));
    }

    private void move(int delta) {
        int size = review.items().size();
        selected = size == 0 ? 0 : Math.floorMod(selected + delta, size);
    }

    private void comment(WindowBasedTextGUI gui, View view) {
        if (review.items().isEmpty()) {
            return;
        }
        int at = selected;
        PromptWindow.ask(gui, "Justification", "Why must this rule stay? (empty removes the comment)", false, text -> {
            if (text != null) {
                review.comment(at, text);
            }
            view.invalidate();
        });
    }

    private final class View extends AbstractComponent<View> {
        @Override
        protected ComponentRenderer<View> createDefaultRenderer() {
            return new ComponentRenderer<>() {
                @Override
                public TerminalSize getPreferredSize(View v) {
                    return new TerminalSize(80, 24);
                }

                @Override
                public void drawComponent(TextGUIGraphics g, View v) {
                    int w = g.getSize().getColumns();
                    int h = g.getSize().getRows();
                    g.setBackgroundColor(palette.background());
                    g.fill(' ');
                    g.setBackgroundColor(palette.titleBackground());
                    g.setForegroundColor(palette.title());
                    g.putString(0, 0, Fit.pad(" Baseline review │ " + review.summary(), w));
                    g.putString(0, h - 1, Fit.pad(" " + keys.hints(), w));
                    g.setBackgroundColor(palette.background());
                    List<BaselineItem> items = review.items();
                    if (items.isEmpty()) {
                        g.setForegroundColor(palette.dim());
                        g.putString(1, 2, "Nothing is running to propose a rule from.");
                        return;
                    }
                    int room = Math.max(1, (h - 3) / 2);
                    int first = Math.max(0, selected - (room - 1));
                    int y = 2;
                    for (int i = first; i < items.size() && y < h - 2; i++, y += 2) {
                        BaselineItem item = items.get(i);
                        g.setForegroundColor(item.keep() ? palette.good() : palette.bad());
                        if (i == selected) {
                            g.enableModifiers(SGR.REVERSE);
                        }
                        g.putString(0, y, Fit.pad((item.keep() ? " [keep] " : " [drop] ") + visible(item.display())
                                + (item.comment() == null ? "" : "   # " + visible(item.comment())), w));
                        g.disableModifiers(SGR.REVERSE);
                        g.setForegroundColor(palette.dim());
                        g.putString(0, y + 1, Fit.pad("         from " + visible(item.origin())
                                + (item.inUse() ? "" : "   (nothing uses this rule now)"), w));
                    }
                }
            };
        }
    }

    /** Process names (the processes chose them) and, over many hosts, another machine's words: escaped. */
    private static String visible(String text) {
        return VisibleText.of(text).text();
    }
}
