package io.clawguard.approval;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The broker's JSON messages, each an object with {@code "v": 1}, a known {@code type} and
 * known fields only. A requester's {@code request} travels in a frame of the agent socket.
 * The admin socket carries one message a line: the console sends {@code attach}, then
 * {@code decide}, {@code drop}, {@code baseline_review} and {@code baseline_save}, each with an
 * {@code id}; the broker answers {@code attached}, streams {@code event}s, and answers each
 * numbered message with a {@code reply} of the same id (or an {@code error}).
 */
public final class WireProtocol {
    public static final int VERSION = 1;
    /** An admin's line may carry a whole network picture, so its limit is larger than a frame's. */
    public static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("request", Set.of("v", "type", "argv", "reason", "use_sudo", "keep_session", "timeout_minutes",
                    "env")),
            Map.entry("attach", Set.of("v", "type")),
            Map.entry("attached", Set.of("v", "type", "info")),
            Map.entry("event", Set.of("v", "type", "event_type", "event")),
            Map.entry("decide", Set.of("v", "type", "id", "request_id", "outcome", "keep", "reason", "second_factor")),
            Map.entry("drop", Set.of("v", "type", "id")),
            Map.entry("baseline_review", Set.of("v", "type", "id")),
            Map.entry("baseline_save", Set.of("v", "type", "id", "review")),
            Map.entry("reply", Set.of("v", "type", "id", "message", "review", "failed")),
            Map.entry("error", Set.of("v", "type", "message")));

    private WireProtocol() {
    }

    /** A message that breaks the protocol; the connection gets an error reply and is closed. */
    public static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }

    public static Map<String, Object> message(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) VERSION);
        m.put("type", type);
        return m;
    }

    public static byte[] encode(Map<String, Object> message) {
        return (JsonValues.canonical(message) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads one line; null at end of stream. A line longer than the limit is an error, and
     * so is a partial line at the end of the stream.
     */
    public static String readLine(InputStream in) throws IOException, ProtocolException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() > 0) {
                    throw new ProtocolException("message not terminated by a newline");
                }
                return null;
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new ProtocolException("message larger than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    /** Parses and checks a message: version, known type, known fields only. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decode(String line) throws ProtocolException {
        Object value;
        try {
            value = JsonValues.parse(line);
        } catch (IOException e) {
            throw new ProtocolException("malformed JSON");
        }
        if (!(value instanceof Map)) {
            throw new ProtocolException("a message must be a JSON object");
        }
        Map<String, Object> m = (Map<String, Object>) value;
        if (!Long.valueOf(VERSION).equals(m.get("v"))) {
            throw new ProtocolException("unsupported protocol version " + m.get("v") + " (this broker speaks " + VERSION + ")");
        }
        Set<String> known = m.get("type") instanceof String t ? FIELDS.get(t) : null;
        if (known == null) {
            throw new ProtocolException("unknown message type " + m.get("type"));
        }
        for (String field : m.keySet()) {
            if (!known.contains(field)) {
                throw new ProtocolException("unknown field \"" + field + "\" in a " + m.get("type") + " message");
            }
        }
        return m;
    }

    public static String string(Map<String, Object> m, String field, boolean required) throws ProtocolException {
        Object v = m.get(field);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new ProtocolException("\"" + field + "\" must be a string");
        }
        return s;
    }

    public static boolean flag(Map<String, Object> m, String field) throws ProtocolException {
        Object v = m.get(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new ProtocolException("\"" + field + "\" must be true or false");
        }
        return b;
    }

    public static Long number(Map<String, Object> m, String field, boolean required) throws ProtocolException {
        Object v = m.get(field);
        if (v == null && !required) {
            return null;
        }
        if (!(v instanceof Long n)) {
            throw new ProtocolException("\"" + field + "\" must be a whole number");
        }
        return n;
    }

    public static List<String> strings(Map<String, Object> m, String field) throws ProtocolException {
        if (!(m.get(field) instanceof List<?> list) || list.isEmpty()) {
            throw new ProtocolException("\"" + field + "\" must be a non-empty array of strings");
        }
        for (Object o : list) {
            if (!(o instanceof String)) {
                throw new ProtocolException("\"" + field + "\" must be a non-empty array of strings");
            }
        }
        return list.stream().map(String.class::cast).toList();
    }
}
