package io.clawguard.console;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * The keys while the admin types a {@code /} filter into a network pane, k9s style: every
 * character narrows the rows at once, Enter keeps the filter, Esc clears it. Only these are in
 * force meanwhile, so a letter typed is text, never a command ({@code q} does not quit).
 */
final class FilterKeys {
    private FilterKeys() {
    }

    static Keymap of(NetworkPane pane, Runnable redraw) {
        return new Keymap(List.of(
                KeyBinding.special(KeyType.Enter, "⏎", "keep", "keep the filter and go back to the rows",
                        () -> then(pane::keepFilter, redraw)),
                KeyBinding.special(KeyType.Escape, "Esc", "clear", "clear the filter and show every row again",
                        () -> then(pane::clearFilter, redraw)),
                KeyBinding.special(KeyType.Backspace, "⌫", "erase", "erase the last character typed",
                        () -> then(() -> pane.filter(erased(pane.filterText())), redraw)),
                KeyBinding.typing("text", "narrow the rows to those whose address, port, program, user or pid"
                        + " contains the text, whatever the case", c -> then(() -> pane.filter(pane.filterText() + c),
                        redraw))));
    }

    private static String erased(String text) {
        return text.isEmpty() ? text : text.substring(0, text.offsetByCodePoints(text.length(), -1));
    }

    private static void then(Runnable change, Runnable redraw) {
        change.run();
        redraw.run();
    }
}
