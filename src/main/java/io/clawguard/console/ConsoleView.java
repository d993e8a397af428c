package io.clawguard.console;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import java.util.List;

/** The main screen, drawn from the model on the GUI thread each time it is invalidated. */
final class ConsoleView extends AbstractComponent<ConsoleView> {
    private static final List<String> MONITOR_TITLES = List.of("Listening ports", "Outbound connections",
            "Compliance scorecard");

    private final ConsoleModel model;
    private final ConsoleIdentity identity;
    private final Palette palette;
    private Keymap keymap = new Keymap(List.of());

    ConsoleView(ConsoleModel model, ConsoleIdentity identity, Palette palette) {
        this.model = model;
        this.identity = identity;
        this.palette = palette;
    }

    void keymap(Keymap keys) {
        this.keymap = keys;
        invalidate();
    }

    @Override
    protected ComponentRenderer<ConsoleView> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(ConsoleView view) {
                return new TerminalSize(80, 24);
            }

            @Override
            public void drawComponent(TextGUIGraphics g, ConsoleView view) {
                TerminalSize size = g.getSize();
                g.setBackgroundColor(palette.background());
                g.fill(' ');
                ConsoleLayout layout = ConsoleLayout.of(size);
                TitleBar.draw(g, layout.titleRow(), size.getColumns(), model, identity, palette);
                PendingPane.draw(g, layout.pending().at(), layout.pending().size(), model, palette);
                if (layout.activity().size().getRows() >= 3) {
                    ActivityPane.draw(g, layout.activity().at(), layout.activity().size(), model, palette);
                }
                for (int i = 0; i < layout.monitors().size(); i++) {
                    ConsoleLayout.Region r = layout.monitors().get(i);
                    PlaceholderPane.draw(g, r.at(), r.size(), MONITOR_TITLES.get(i), palette);
                }
                StatusBar.draw(g, layout.statusRow(), size.getColumns(), model, keymap, palette);
            }
        };
    }
}
