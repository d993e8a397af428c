package io.clawguard.compliance;

import java.util.List;
import java.util.Map;

/**
 * Values read from OpenClaw's files, made safe to show in evidence: those files are written by
 * whoever controls the agent, so a name may carry terminal escapes, bidi overrides or megabytes.
 */
final class Shown {
    private static final int MAX_CHARS = 80;
    private static final int MAX_ITEMS = 10;

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
        String text = String.valueOf(value).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]",
                "?");
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "…" : text;
    }

    /** The first ten items, then how many more: a report names offenders, it does not dump them all. */
    static String list(List<String> items) {
        List<String> head = items.stream().limit(MAX_ITEMS).toList();
        String shown = String.join("; ", head);
        return items.size() > MAX_ITEMS ? shown + "; and " + (items.size() - MAX_ITEMS) + " more" : shown;
    }
}
