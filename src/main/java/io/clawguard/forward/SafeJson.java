package io.clawguard.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clawguard.json.TerminalEscapes;

/**
 * Compact JSON for a collector, with every character a terminal could act on escaped: the
 * agent wrote most of what a record holds, and it reaches people who never see it through
 * ClawGuard's own escaping.
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
}
