package io.clawguard.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;

/**
 * Text from a requester made safe to show an approver: control characters, escape
 * sequences, bidirectional overrides, zero-width, default-ignorable and other invisible
 * characters are written out ({@code \x1b}, {@code \u202e}, {@code \u034f}) so what the admin
 * reads is what runs. Text that mixes look-alike scripts ({@code /usr/bin/cаt} with a Cyrillic
 * {@code а}), is confusable as a whole with another script, or uses a dash that is not ASCII's
 * is flagged suspicious too, by Unicode's own data (ICU's {@link SpoofChecker}).
 */
public record VisibleText(String text, boolean suspicious) {
    private static final SpoofChecker LOOK_ALIKES = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_SCRIPT_CONFUSABLE
                    | SpoofChecker.WHOLE_SCRIPT_CONFUSABLE | SpoofChecker.MIXED_NUMBERS)
            .build();

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
                suspicious |= cp > 0x7f && (Character.getType(cp) == Character.DASH_PUNCTUATION || cp == 0x2212);
                out.appendCodePoint(cp);
            }
        }
        return new VisibleText(out.toString(), suspicious || lookAlike(raw));
    }

    /** True when letters of another script pose as these, or scripts mix as no honest name does. */
    private static boolean lookAlike(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) > 0x7f) {
                return LOOK_ALIKES.failsChecks(raw);
            }
        }
        return false;
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
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            // Combining grapheme joiner, variation selectors, Khmer inherent vowels, fillers...
            return true;
        }
        // Blank-looking characters that are not a plain space, and the Braille blank.
        return (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) && cp != ' ' || cp == 0x2800;
    }

    /** Text a program printed, each line made visible on its own with the line breaks kept: it reads as it did and obeys nothing. */
    public static String keepingLines(String text) {
        StringBuilder b = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            b.append(of(lines[i]).text());
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }
}
