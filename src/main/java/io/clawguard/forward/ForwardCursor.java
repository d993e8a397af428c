package io.clawguard.forward;

import io.clawguard.files.AtomicFile;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last record the collector is known to have: {@code privileged-audit.jsonl.forwarded}
 * beside the log, written whole after each confirmation. A missing or unreadable one means
 * "nothing yet", so everything is sent again: a duplicate the collector can spot by {@code seq}
 * is better than a record it never gets.
 */
record ForwardCursor(long seq, String hash) {
    static final ForwardCursor NONE = new ForwardCursor(0, "");

    static Path of(Path log) {
        return log.resolveSibling(log.getFileName() + ".forwarded");
    }

    static ForwardCursor read(Path log) {
        try {
            if (JsonValues.parse(Files.readString(of(log), StandardCharsets.UTF_8)) instanceof Map<?, ?> m
                    && m.get("seq") instanceof Long seq && seq > 0 && m.get("hash") instanceof String hash) {
                return new ForwardCursor(seq, hash);
            }
        } catch (IOException absentOrUnreadable) {
            // Nothing known delivered: send from the start.
        }
        return NONE;
    }

    void write(Path log) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("hash", hash);
        AtomicFile.write(of(log), (JsonValues.canonical(m) + "\n").getBytes(StandardCharsets.UTF_8),
                AtomicFile.OWNER_ONLY);
    }
}
