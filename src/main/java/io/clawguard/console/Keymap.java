package io.clawguard.console;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/** A view's keys, declared once: dispatch, status-bar hints and help all come from here. */
public record Keymap(List<KeyBinding> bindings) {
    public Keymap {
        bindings = List.copyOf(bindings);
    }

    /** Runs the first binding that matches; false when none does. */
    public boolean handle(KeyStroke key) {
        for (KeyBinding b : bindings) {
            if (b.matches().test(key)) {
                b.action().accept(key);
                return true;
            }
        }
        return false;
    }

    /** The short form for the status bar: {@code a approve  d deny  …}. */
    public String hints() {
        StringBuilder s = new StringBuilder();
        for (KeyBinding b : bindings) {
            if (!b.hint().isEmpty()) {
                s.append(s.length() == 0 ? "" : " ").append(b.key()).append(' ').append(b.hint());
            }
        }
        return s.toString();
    }

    /** One line a key for the help overlay; dangerous keys are marked with {@code !}. */
    public List<String> helpLines() {
        int width = bindings.stream().mapToInt(b -> b.key().length()).max().orElse(1);
        return bindings.stream()
                .map(b -> String.format("%-" + width + "s  %s %s", b.key(), b.dangerous() ? "!" : " ", b.description()))
                .toList();
    }
}
