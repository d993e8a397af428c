package io.clawguard.compliance;

import io.clawguard.json.TerminalEscapes;

/**
 * Text read from the host (a command line, a sudoers line, a file name) as evidence may show
 * it: what a terminal would act on (controls, escape sequences, bidirectional and other format
 * characters) written out as {@code \x1b} or {@code \u202e}, backslashes doubled so nothing
 * reads as an escape it is not, and cut at {@value #MAX_CHARS} characters.
 */
final class HostText {
    static final int MAX_CHARS = 200;

    private HostText() {
    }

    static String of(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < MAX_CHARS; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\') {
                out.append("\\\\");
            } else if (TerminalEscapes.controls(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(cp <= 0xff ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.length() < MAX_CHARS ? out.toString() : out.substring(0, MAX_CHARS) + "…";
    }
}
