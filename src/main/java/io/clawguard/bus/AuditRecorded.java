package io.clawguard.bus;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record reached the audit log (already fsync'd); panes show the tail from these. */
public record AuditRecorded(Map<String, Object> record, Instant at) implements Event {
    public AuditRecorded {
        record = Collections.unmodifiableMap(new LinkedHashMap<>(record));
    }
}
