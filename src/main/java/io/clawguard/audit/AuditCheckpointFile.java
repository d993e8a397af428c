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
 * The last checkpoint kept beside the log ({@code privileged-audit.jsonl.verified}), so a
 * restarted console or broker verifies only what was added since. It is a shortcut, not a
 * proof: one that does not fit the log is ignored and the log walked from its start, and the
 * background full pass re-reads everything before it anyway.
 */
final class AuditCheckpointFile {
    private AuditCheckpointFile() {
    }

    static Path of(Path log) {
        return log.resolveSibling(log.getFileName() + ".verified");
    }

    static Optional<AuditCheckpoint> read(Path log) {
        try {
            if (JsonValues.parse(Files.readString(of(log), StandardCharsets.UTF_8)) instanceof Map<?, ?> m
                    && m.get("inode") instanceof Long inode && m.get("offset") instanceof Long offset
                    && m.get("line") instanceof Long line && m.get("seq") instanceof Long seq
                    && m.get("hash") instanceof String hash && m.get("records") instanceof Long records
                    && m.get("legacy") instanceof Long legacy && m.get("chain_start_line") instanceof Long start
                    && line <= Integer.MAX_VALUE && legacy <= Integer.MAX_VALUE && start <= Integer.MAX_VALUE) {
                return Optional.of(new AuditCheckpoint(inode, offset, line.intValue(), seq, hash, records,
                        legacy.intValue(), start.intValue()));
            }
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException unreadable) {
            // Ignored like a stale one: the walk from the start decides.
        }
        return Optional.empty();
    }

    static void write(Path log, AuditCheckpoint c) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inode", c.inode());
        m.put("offset", c.offset());
        m.put("line", (long) c.line());
        m.put("seq", c.seq());
        m.put("hash", c.hash());
        m.put("records", c.records());
        m.put("legacy", (long) c.legacy());
        m.put("chain_start_line", (long) c.chainStartLine());
        AtomicFile.write(of(log), (JsonValues.canonical(m) + "\n").getBytes(StandardCharsets.UTF_8), AtomicFile.OWNER_ONLY);
    }
}
