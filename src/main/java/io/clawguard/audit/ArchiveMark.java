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
 * Where the archived part of the series ends ({@code privileged-audit.jsonl.archived}): the last
 * segment moved out, and the seq and hash of its last record. A walk from the start of what is
 * left begins there, so the first record left must link to that hash: the oldest segments can
 * leave the disk and the series still verifies, while a segment deleted without the archive
 * step still shows. Written by {@code clawguard audit archive} only, with the lock held; the
 * chain itself records each archive ({@code audit_archived}).
 */
record ArchiveMark(long throughSegment, long throughSeq, String throughHash) {

    static Path fileFor(Path log) {
        return log.resolveSibling(log.getFileName() + ".archived");
    }

    /** Empty when nothing was archived; an unreadable mark is an error: the series' start cannot be checked. */
    static Optional<ArchiveMark> read(Path log) throws IOException {
        String text;
        try {
            text = Files.readString(fileFor(log), StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        if (JsonValues.parse(text) instanceof Map<?, ?> m && m.get("through_segment") instanceof Long segment
                && m.get("through_seq") instanceof Long seq && m.get("through_hash") instanceof String hash) {
            return Optional.of(new ArchiveMark(segment, seq, hash));
        }
        throw new IOException(fileFor(log) + " cannot be read: the start of the audit series cannot be checked");
    }

    void write(Path log) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("through_segment", throughSegment);
        m.put("through_seq", throughSeq);
        m.put("through_hash", throughHash);
        AtomicFile.write(fileFor(log), (JsonValues.canonical(m) + "\n").getBytes(StandardCharsets.UTF_8),
                AtomicFile.OWNER_ONLY);
    }

    /** The checkpoint a walk of what is left starts after. */
    AuditCheckpoint asStart() {
        return new AuditCheckpoint(-1, 0, 0, throughSeq, throughHash, 0, 0, 0);
    }
}
