package io.clawguard.console;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One key of a view: what to press, what it does, and whether it changes anything that
 * matters (dangerous keys are marked in the help). The status bar and the {@code ?} help
 * are generated from these, so they never drift from what the keys do.
 */
public record KeyBinding(String key, String hint, String description, boolean dangerous,
                         Predicate<KeyStroke> matches, Consumer<KeyStroke> action) {

    public static KeyBinding character(char c, String hint, String description, boolean dangerous, Runnable action) {
        return new KeyBinding(c == ' ' ? "space" : String.valueOf(c), hint, description, dangerous,
                k -> isTyped(k) && k.getCharacter() == c, k -> action.run());
    }

    public static KeyBinding special(KeyType type, String label, String hint, String description, Runnable action) {
        return new KeyBinding(label, hint, description, false, k -> k.getKeyType() == type, k -> action.run());
    }

    /** Any character typed (a prompt's text): the action is given the character. */
    public static KeyBinding typing(String label, String description, Consumer<Character> action) {
        return new KeyBinding(label, "", description, false, KeyBinding::isTyped, k -> action.accept(k.getCharacter()));
    }

    private static boolean isTyped(KeyStroke k) {
        return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown();
    }
}
