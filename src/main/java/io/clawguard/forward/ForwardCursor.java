package io.clawguard.forward;

import io.clawguard.files.AtomicFile;
import io.clawguard.json.JsonValues;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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

    /**
     * Written whole (a temp file synced, then renamed over the cursor) through plain streams, which
     * a thread's interrupt does not break: a stop asked for just as a batch was confirmed must not
     * lose the record of it, or the next start sends that batch again.
     */
    void write(Path log) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("hash", hash);
        Path target = of(log);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY));
        try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
            out.write((JsonValues.canonical(m) + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
