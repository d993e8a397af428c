package io.clawguard.audit;

import io.clawguard.files.AtomicFile;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the chain ended at the last append ({@code privileged-audit.jsonl.head}: seq and
 * hash), kept beside the log. A chain alone cannot tell that its last records were cut off;
 * the head can. It may lag one record behind after a crash, never run ahead.
 */
public record AuditHead(long seq, String hash) {

    static Path fileFor(Path log) {
        return log.resolveSibling(log.getFileName() + ".head");
    }

    static void write(Path log, long seq, String hash) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("hash", hash);
        AtomicFile.write(fileFor(log), (JsonValues.canonical(m) + "\n").getBytes(StandardCharsets.UTF_8),
                AtomicFile.OWNER_ONLY);
    }

    /** Empty when there is no head (a seed log, or one written before heads existed) or it is unreadable. */
    static Optional<AuditHead> read(Path log) throws IOException {
        String text;
        try {
            text = Files.readString(fileFor(log), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            if (JsonValues.parse(text) instanceof Map<?, ?> m && m.get("seq") instanceof Long seq
                    && m.get("hash") instanceof String hash) {
                return Optional.of(new AuditHead(seq, hash));
            }
        } catch (IOException unreadable) {
            return Optional.of(new AuditHead(-1, "unreadable"));
        }
        return Optional.of(new AuditHead(-1, "unreadable"));
    }
}
