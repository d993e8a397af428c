package io.clawguard.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes for text a terminal will show: JSON itself escapes only the C0 controls, and a
 * terminal also obeys DEL and the C1 controls (U+009B is a CSI), and some break lines at
 * U+2028 and U+2029. Agents and other hosts write much of what ClawGuard prints as JSON.
 */
public final class TerminalEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table = standardAsciiEscapesForJSON();

    public TerminalEscapes() {
        table[0x7f] = ESCAPE_STANDARD;
    }

    /** Whether a terminal acts on the character. */
    public static boolean controls(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return table;
    }

    /** Asked for characters past ASCII only: the C1 controls and the separators become {@code \\uXXXX}. */
    @Override
    public SerializableString getEscapeSequence(int c) {
        return controls(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
    }
}
