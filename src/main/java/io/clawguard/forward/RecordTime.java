package io.clawguard.forward;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A record's own time ({@code ts_utc}), as every format sends it; a record without a readable one has none. */
final class RecordTime {
    private RecordTime() {
    }

    static Optional<Instant> of(Object ts) {
        try {
            return Optional.of(Instant.parse(String.valueOf(ts)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Epoch milliseconds, 0 for none (OCSF's and CEF's field is a number). */
    static long millis(Object ts) {
        return of(ts).map(Instant::toEpochMilli).orElse(0L);
    }
}
