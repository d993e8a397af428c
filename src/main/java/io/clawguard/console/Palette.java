package io.clawguard.console;

import com.googlecode.lanterna.TextColor;

/** The console's colours. Every state also has a text marker, so nothing depends on colour alone. */
public record Palette(TextColor background, TextColor text, TextColor dim, TextColor frame, TextColor title,
                      TextColor titleBackground, TextColor selected, TextColor good, TextColor warn, TextColor bad,
                      TextColor elevated) {

    public static final Palette DARK = new Palette(TextColor.ANSI.BLACK, TextColor.ANSI.WHITE, TextColor.ANSI.BLACK_BRIGHT,
            TextColor.ANSI.BLUE_BRIGHT, TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, TextColor.ANSI.CYAN,
            TextColor.ANSI.GREEN_BRIGHT, TextColor.ANSI.YELLOW_BRIGHT, TextColor.ANSI.RED_BRIGHT, TextColor.ANSI.RED);
}
