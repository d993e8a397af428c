package io.clawguard.compliance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values read from OpenClaw's files, made safe to show in evidence: those files are written by
 * whoever controls the agent, so a name may carry terminal escapes (C0 or C1, such as the one-byte
 * CSI U+009B), bidi overrides or megabytes.
 */
final class Shown {
    private static final int MAX_CHARS = 80;
    private static final int MAX_PATH_CHARS = 400;
    private static final int MAX_ITEMS = 10;
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\u0080-\\u009F\\u061C\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private Shown() {
    }

    /** One value: control and bidi characters replaced by '?', cut at 80 characters; objects and lists by kind. */
    static String value(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return clean(String.valueOf(value), MAX_CHARS);
    }

    /** A path found on disk: its names are whoever wrote them, so cleaned the same way, cut only when absurd. */
    static String path(Path path) {
        return clean(path.toString(), MAX_PATH_CHARS);
    }

    private static String clean(String text, int max) {
        String safe = UNSAFE.matcher(text).replaceAll("?");
        return safe.length() > max ? safe.substring(0, max) + "…" : safe;
    }

    /** The first ten items, then how many more: a report names offenders, it does not dump them all. */
    static String list(List<String> items) {
        List<String> head = items.stream().limit(MAX_ITEMS).toList();
        String shown = String.join("; ", head);
        return items.size() > MAX_ITEMS ? shown + "; and " + (items.size() - MAX_ITEMS) + " more" : shown;
    }
}
