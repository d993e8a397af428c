package io.clawguard.audit;

import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.AtomicFile;
import io.clawguard.files.ExclusiveLock;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The append-only, hash-chained audit log ({@code privileged-audit.jsonl}). Each append
 * takes the log's lock, sets aside a torn last line left by a crash, checks that the log
 * still ends where its head file says, chains the record to the last one and fsyncs before
 * returning, so a record is on disk before the step it
 * describes goes ahead.
 */
public final class AuditLog {
    private final Path file;
    private final Path lockFile;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = file;
        this.lockFile = lockFileOf(file);
        this.clock = clock;
    }

    /** The lock every writer of {@code file} takes, and a reader that needs a consistent view. */
    static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    public Path file() {
        return file;
    }

    /** Appends one record: {@code ts_utc}, {@code action}, the fields, then the chain fields. */
    public Map<String, Object> append(AuditAction action, Map<String, Object> fields) throws IOException {
        try (ExclusiveLock ignored = ExclusiveLock.acquire(lockFile);
             FileChannel ch = open()) {
            ChainHead head = ChainHead.of(ch, this::setAsideTornTail);
            String broken = AuditHead.disagreement(AuditHead.read(file), head);
            if (broken != null) {
                throw new AuditChainBrokenException(file, broken);
            }
            if (head.tornAside() != null) {
                head = write(ch, head, AuditAction.AUDIT_TORN_LINE, head.tornAside());
            }
            Map<String, Object> record = build(action, fields, head);
            writeLine(ch, record);
            AuditHead.write(file, (Long) record.get(AuditChain.SEQ), (String) record.get(AuditChain.HASH));
            return record;
        }
    }

    private ChainHead write(FileChannel ch, ChainHead head, AuditAction action, Map<String, Object> fields)
            throws IOException {
        Map<String, Object> record = build(action, fields, head);
        writeLine(ch, record);
        return new ChainHead((Long) record.get(AuditChain.SEQ), (String) record.get(AuditChain.HASH),
                head.hash(), null);
    }

    private Map<String, Object> build(AuditAction action, Map<String, Object> fields, ChainHead head) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ts_utc", clock.instant().truncatedTo(ChronoUnit.MICROS).toString());
        record.put("action", action.logName());
        fields.forEach((k, v) -> {
            if (!record.containsKey(k)) {
                record.put(k, v);
            }
        });
        record.put(AuditChain.SEQ, head.seq() + 1);
        record.put(AuditChain.PREV, head.hash());
        record.put(AuditChain.HASH, AuditChain.hashOf(record));
        return record;
    }

    private static void writeLine(FileChannel ch, Map<String, Object> record) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((JsonValues.canonical(record) + "\n").getBytes(StandardCharsets.UTF_8));
        ch.position(ch.size());
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        ch.force(false);
    }

    private FileChannel open() throws IOException {
        boolean created = !Files.exists(file);
        if (created) {
            PrivateDirectory.create(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY));
            } catch (FileAlreadyExistsException raced) {
                created = false;
            }
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (created) {
            AtomicFile.fsyncDirectory(file.toAbsolutePath().getParent());
        }
        return ch;
    }

    /**
     * Moves a torn last line into a file of its own beside the log and cuts it off the log,
     * so it is neither lost nor glued to the next record. Returns the fields of the
     * {@code audit_torn_line} record that says so.
     */
    private Map<String, Object> setAsideTornTail(FileChannel ch, long tornStart) throws IOException {
        long length = ch.size() - tornStart;
        byte[] bytes = ChainHead.read(ch, tornStart, length);
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + clock.millis());
        AtomicFile.write(aside, bytes, AtomicFile.OWNER_ONLY);
        ch.truncate(tornStart);
        ch.force(true);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("set_aside_to", aside.getFileName().toString());
        fields.put("bytes", length);
        fields.put("sha256", AuditChain.sha256(bytes));
        return fields;
    }
}
