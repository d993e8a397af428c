package io.clawguard.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed JSON object read field by field, where every type error names the file and the
 * field ({@code command-policy.json: "deny"[2] must be a string}).
 */
public final class JsonObject {
    private final String source;
    private final String path;
    private final Map<String, Object> fields;

    private JsonObject(String source, String path, Map<String, Object> fields) {
        this.source = source;
        this.path = path;
        this.fields = fields;
    }

    /** Wraps a parsed value that must be an object; {@code source} names it in errors. */
    public static JsonObject of(String source, Object value) throws InvalidJsonFileException {
        return of(source, "", value);
    }

    @SuppressWarnings("unchecked")
    static JsonObject of(String source, String path, Object value) throws InvalidJsonFileException {
        if (!(value instanceof Map)) {
            throw new InvalidJsonFileException(source, (path.isEmpty() ? "the document" : path)
                    + " must be a JSON object");
        }
        return new JsonObject(source, path, (Map<String, Object>) value);
    }

    /** Reads a file's whole text as a list of objects (the seed's rule files are arrays). */
    public static List<JsonObject> listOf(String source, Object value) throws InvalidJsonFileException {
        if (!(value instanceof List<?> list)) {
            throw new InvalidJsonFileException(source, "the document must be a JSON array");
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(of(source, "[" + i + "]", list.get(i)));
        }
        return out;
    }

    public String source() {
        return source;
    }

    /** The fields as parsed, in file order. */
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public boolean has(String field) {
        return fields.containsKey(field) && fields.get(field) != null;
    }

    public Optional<String> optString(String field) throws InvalidJsonFileException {
        Object v = fields.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw error(field, "must be a string");
        }
        return Optional.of(s);
    }

    public String string(String field) throws InvalidJsonFileException {
        return optString(field).orElseThrow(() -> error(field, "is required"));
    }

    public boolean bool(String field, boolean fallback) throws InvalidJsonFileException {
        Object v = fields.get(field);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw error(field, "must be true or false");
        }
        return b;
    }

    public Optional<Long> optLong(String field) throws InvalidJsonFileException {
        Object v = fields.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Long l)) {
            throw error(field, "must be a whole number");
        }
        return Optional.of(l);
    }

    public List<String> strings(String field) throws InvalidJsonFileException {
        return stringsAt(field, fields.get(field));
    }

    /** A list of lists of strings, as {@code allow_exact: [["/usr/bin/id"], …]}. */
    public List<List<String>> stringLists(String field) throws InvalidJsonFileException {
        Object v = fields.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(field, "must be an array of arrays of strings");
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(stringsAt(field + "[" + i + "]", list.get(i)));
        }
        return List.copyOf(out);
    }

    /** A nested object, named in errors by its path ({@code metrics.textfile_dir}); empty when absent. */
    public Optional<JsonObject> optObject(String field) throws InvalidJsonFileException {
        Object v = fields.get(field);
        return v == null ? Optional.empty() : Optional.of(of(source, qualified(field), v));
    }

    public List<JsonObject> objects(String field) throws InvalidJsonFileException {
        Object v = fields.get(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(field, "must be an array of objects");
        }
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(of(source, qualified(field) + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    private List<String> stringsAt(String field, Object v) throws InvalidJsonFileException {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw error(field + "[" + i + "]", "must be a string");
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** An error about one field of this object, for checks the caller makes itself. */
    public InvalidJsonFileException error(String field, String problem) {
        return new InvalidJsonFileException(source, "\"" + qualified(field) + "\" " + problem);
    }

    private String qualified(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
