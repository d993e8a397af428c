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
 * The broker's wire format: one JSON object a line, at most 64 KiB, each with {@code "v": 1}
 * and a {@code type}. A requester sends one {@code request}; the broker answers {@code run}
 * or {@code refuse} (or {@code error}); after a {@code run} the requester reports
 * {@code finished} or {@code failed} and gets an {@code ack}.
 */
public final class WireProtocol {
    public static final int VERSION = 1;
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "request", Set.of("v", "type", "argv", "reason", "cwd", "use_sudo", "keep_session", "timeout_minutes",
                    "session_id", "require_session_id", "require_policy_files", "untrusted_source", "real_sudo"),
            "run", Set.of("v", "type", "request_id", "argv"),
            "refuse", Set.of("v", "type", "exit_code", "message"),
            "error", Set.of("v", "type", "message"),
            "finished", Set.of("v", "type", "request_id", "exit_code"),
            "failed", Set.of("v", "type", "request_id", "error"),
            "ack", Set.of("v", "type"));

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
