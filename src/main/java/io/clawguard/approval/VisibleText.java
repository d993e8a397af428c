package io.clawguard.approval;

/**
 * Text from a requester made safe to show an approver: control characters, escape
 * sequences, bidirectional overrides, zero-width and other invisible characters are
 * written out ({@code \x1b}, {@code \u202e}) so what the admin reads is what runs.
 */
public record VisibleText(String text, boolean suspicious) {

    public static VisibleText of(String raw) {
        if (raw == null) {
            return new VisibleText("", false);
        }
        StringBuilder out = new StringBuilder(raw.length());
        boolean suspicious = false;
        int i = 0;
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\\') {
                out.append("\\\\");
            } else if (isHidden(cp)) {
                suspicious = true;
                out.append(cp <= 0xff ? String.format("\\x%02x", cp)
                        : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return new VisibleText(out.toString(), suspicious);
    }

    /** True for what a terminal would not show as itself. */
    static boolean isHidden(int cp) {
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.FORMAT, Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                break;
        }
        // Blank-looking characters that are not a plain space, and the Hangul fillers.
        return (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) && cp != ' '
                || cp == 0x115f || cp == 0x1160 || cp == 0x3164 || cp == 0xffa0 || cp == 0x2800;
    }
}
