package io.clawguard.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compact JSON for a collector, with every character a terminal could act on escaped: JSON
 * itself escapes only C0 controls, and an analyst's terminal also obeys DEL and the C1 controls
 * (U+009B is a CSI). The agent wrote most of what a record holds, and the record reaches people
 * who never see it through ClawGuard's own escaping.
 */
final class SafeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalEscapes());
    }

    private SafeJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a plain JSON value", e);
        }
    }

    /** Whether a terminal acts on the character: C0, DEL, C1, and the Unicode line and paragraph separators. */
    static boolean controls(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
    }

    private static final class TerminalEscapes extends CharacterEscapes {
        private final int[] table = standardAsciiEscapesForJSON();

        TerminalEscapes() {
            table[0x7f] = ESCAPE_STANDARD;
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
}
