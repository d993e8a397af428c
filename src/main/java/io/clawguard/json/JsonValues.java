package io.clawguard.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain JSON values (maps, lists, strings, numbers, booleans, null) read and written with
 * Jackson's streaming API. The privileged path uses this instead of data binding because
 * binding costs more start-up time than the whole rest of {@code clawguard exec}.
 */
public final class JsonValues {
    private static final JsonFactory STRICT = JsonFactory.builder().build();
    /** What people read (reports on a terminal, files they open) escapes what a terminal would obey. */
    private static final JsonFactory FOR_PEOPLE = JsonFactory.builder().build().setCharacterEscapes(new TerminalEscapes());
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            // JSON5's numbers, as OpenClaw's openclaw.json may hold them (hexadecimal is beyond Jackson: an error).
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private JsonValues() {
    }

    /** Parses one strict JSON document; anything after it is an error. */
    public static Object parse(String text) throws IOException {
        return parseWith(STRICT, text);
    }

    /** Parses JSON as hand-edited config files are written: comments and trailing commas allowed. */
    public static Object parseLenient(String text) throws IOException {
        return parseWith(LENIENT, text);
    }

    private static Object parseWith(JsonFactory factory, String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty document");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new IOException("unexpected content after the JSON value at "
                        + parser.currentLocation().offsetDescription());
            }
            return value;
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    if (map.containsKey(name)) {
                        throw new IOException("duplicate field \"" + name + "\"");
                    }
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + token);
        }
    }

    /**
     * Writes a value compactly with object keys sorted, recursively. The audit chain hashes
     * this form, so two writers that agree on the value agree on the bytes.
     */
    public static String canonical(Object value) {
        return write(value, STRICT, false, true);
    }

    /**
     * Writes a value indented for files and terminals that people read, keys in insertion order,
     * with DEL, the C1 controls and the Unicode line separators escaped besides JSON's own.
     */
    public static String pretty(Object value) {
        return write(value, FOR_PEOPLE, true, false);
    }

    /**
     * One line, keys in insertion order, escaped as {@link #pretty} is: for readers beyond
     * ClawGuard's own screens (a syslog collector), who never see the text through its escaping.
     */
    public static String compactForPeople(Object value) {
        return write(value, FOR_PEOPLE, false, false);
    }

    private static String write(Object value, JsonFactory factory, boolean pretty, boolean sortKeys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator gen = factory.createGenerator(out)) {
            if (pretty) {
                gen.useDefaultPrettyPrinter();
            }
            write(gen, value, sortKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator gen, Object value, boolean sortKeys) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            Map<?, ?> ordered = sortKeys ? new TreeMap<>(map) : map;
            for (Map.Entry<?, ?> e : ordered.entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                write(gen, e.getValue(), sortKeys);
            }
            gen.writeEndObject();
        } else if (value instanceof List<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                write(gen, item, sortKeys);
            }
            gen.writeEndArray();
        } else if (value instanceof String s) {
            gen.writeString(s);
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            gen.writeNumber(n.doubleValue());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }
}
