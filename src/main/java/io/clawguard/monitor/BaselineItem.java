package io.clawguard.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule under review: what it allows ({@code rule}, as it will be written, without the
 * comment), where it came from (the process and bind address seen), whether it is kept, the
 * admin's justification, and for an existing rule whether anything still matches it.
 */
public record BaselineItem(String display, String origin, Map<String, Object> rule, boolean keep, String comment,
                           boolean inUse) {
    public BaselineItem {
        rule = Collections.unmodifiableMap(new LinkedHashMap<>(rule));
    }

    public BaselineItem toggled() {
        return new BaselineItem(display, origin, rule, !keep, comment, inUse);
    }

    public BaselineItem commented(String text) {
        return new BaselineItem(display, origin, rule, keep, text == null || text.isBlank() ? null : text.strip(), inUse);
    }

    /** The rule as written to the file, with its comment. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>(rule);
        if (comment != null) {
            m.put("comment", comment);
        }
        return m;
    }
}
