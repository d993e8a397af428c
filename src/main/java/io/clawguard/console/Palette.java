package io.clawguard.console;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.graphics.ThemeStyle;

/**
 * The console's colours, read from a theme's {@code ConsoleView} styles. Every state also
 * has a text marker, so nothing depends on colour alone (the mono theme has none).
 */
public record Palette(TextColor background, TextColor text, TextColor dim, TextColor frame, TextColor title,
                      TextColor titleBackground, TextColor good, TextColor warn, TextColor bad, TextColor elevated) {

    static Palette from(Theme theme) {
        ThemeDefinition d = theme.getDefinition(ConsoleView.class);
        ThemeStyle normal = d.getNormal();
        ThemeStyle title = d.getCustom("TITLE", normal);
        return new Palette(normal.getBackground(), normal.getForeground(), d.getCustom("DIM", normal).getForeground(),
                d.getCustom("FRAME", normal).getForeground(), title.getForeground(), title.getBackground(),
                d.getCustom("GOOD", normal).getForeground(), d.getCustom("WARN", normal).getForeground(),
                d.getCustom("BAD", normal).getForeground(), d.getCustom("ELEVATED", normal).getBackground());
    }
}
