package io.clawguard.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines folded to a width, nothing cut: a line breaks at its last space that fits, or hard where
 * it has none, and its continuations are indented past its own indent, so a folded argument
 * still reads as one. Used where a sideways scroll bar would hide the end of a line.
 */
final class Wrap {
    private static final String MORE = "    ";

    private Wrap() {
    }

    static List<String> lines(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            fold(line, Math.max(width, MORE.length() * 3), out);
        }
        return out;
    }

    private static void fold(String line, int width, List<String> out) {
        String indent = line.substring(0, line.length() - line.stripLeading().length()) + MORE;
        String rest = line;
        String prefix = "";
        while (prefix.length() + rest.length() > width) {
            int room = width - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= rest.length() - rest.stripLeading().length()) {
                cut = room;
            }
            out.add(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            prefix = indent.length() < width / 2 ? indent : MORE;
        }
        out.add(prefix + rest);
    }
}
