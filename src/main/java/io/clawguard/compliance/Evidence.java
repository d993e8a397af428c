package io.clawguard.compliance;

import io.clawguard.text.VisibleText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Text read from the host or from OpenClaw's files (a command line, a sudoers line, a channel
 * name, a file name) as a report may quote it: whoever wrote it may be the agent, so what a
 * terminal would act on or hide is written out ({@code \x1b}, {@code \u202e}) by the same rules
 * as the approval screen, and a quote is cut before it buries the finding.
 */
final class Evidence {
    static final int MAX_TEXT = 200;
    private static final int MAX_VALUE = 80;
    private static final int MAX_PATH = 400;
    private static final int MAX_ITEMS = 10;

    private Evidence() {
    }

    /** A line or name from the host. */
    static String text(String raw) {
        return cut(VisibleText.of(raw).text(), MAX_TEXT);
    }

    /** A configuration value: objects and lists by kind, anything else quoted short. */
    static String value(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return cut(VisibleText.of(String.valueOf(value)).text(), MAX_VALUE);
    }

    /** A path found on disk: its names are whoever wrote them, cut only when absurd. */
    static String path(Path path) {
        return cut(VisibleText.of(path.toString()).text(), MAX_PATH);
    }

    /** The first ten items, then how many more: a report names offenders, it does not dump them all. */
    static String list(List<String> items) {
        String shown = String.join("; ", items.stream().limit(MAX_ITEMS).toList());
        return items.size() > MAX_ITEMS ? shown + "; and " + (items.size() - MAX_ITEMS) + " more" : shown;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }
}
