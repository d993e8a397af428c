package io.clawguard.audit;

import io.clawguard.files.AtomicFile;
import io.clawguard.files.ExclusiveLock;
import io.clawguard.files.PrivateDirectory;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only, hash-chained audit log ({@code privileged-audit.jsonl}). Each append
 * takes the log's lock, sets aside a torn last line left by a crash, checks that the log
 * still ends where its head file says, rotates the file into a numbered segment once it
 * reaches its size, chains the record to the last one (across segments) and fsyncs before
 * returning, so a record is on disk before the step it describes goes ahead.
 */
public final class AuditLog {
    public static final long DEFAULT_ROTATE_BYTES = 64L << 20;

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final long rotateBytes;
    private final AuditAlarm alarm;

    public AuditLog(Path file, Clock clock) {
        this(file, clock, DEFAULT_ROTATE_BYTES, new AuditAlarm());
    }

    /** Rotating at {@code rotateBytes}, and sharing {@code alarm} with the process's other writers of the log. */
    public AuditLog(Path file, Clock clock, long rotateBytes, AuditAlarm alarm) {
        this.file = file;
        this.lockFile = lockFileOf(file);
        this.clock = clock;
        this.rotateBytes = rotateBytes;
        this.alarm = alarm;
    }

    /** The lock every writer of {@code file} takes, and a reader that needs a consistent view. */
    static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one record: {@code ts_utc}, {@code action}, the fields, then the chain fields.
     * Throws {@link AuditChainBrokenException} when the chain is broken: before writing when the
     * log's end disagrees with its head (after recording why in a fresh segment, where the head
     * allows), after writing once the alarm is up, so the step the record describes is refused.
     */
    public Map<String, Object> append(AuditAction action, AuditFields fields) throws IOException {
        return append(action, fields.asMap());
    }

    /** The same with a plain map: this package's own records and its tests. */
    Map<String, Object> append(AuditAction action, Map<String, Object> fields) throws IOException {
        return appendAll(List.of(new Entry(action, fields))).get(0);
    }

    /** One record to be appended. */
    record Entry(AuditAction action, Map<String, Object> fields) {
    }

    /**
     * Appends several records under one hold of the lock with one fsync at the end: what a
     * writer of many records (a scan's network changes) uses, so a request's own record waits
     * behind one batch at most, never behind one fsync per record of a flood.
     */
    List<Map<String, Object>> appendAll(List<Entry> entries) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>(entries.size());
        try (ExclusiveLock ignored = ExclusiveLock.acquire(lockFile)) {
            FileChannel ch = open();
            try {
                ChainHead head = chainEnd(ch);
                Optional<AuditHead> recorded = AuditHead.read(file);
                FileChannel active = ch;
                String broken = AuditHead.disagreement(recorded, head,
                        seq -> ChainHead.hashAt(active, seq, AuditHead.MAX_LAG));
                if (broken != null) {
                    alarm.raise(broken);
                    if (recorded.isPresent() && recorded.get().seq() >= 0) {
                        ch = startFreshSegment(ch, recorded.get(), broken);
                    }
                    throw new AuditChainBrokenException(file, broken);
                }
                if (head.tornAside() != null) {
                    head = write(ch, head, AuditAction.AUDIT_TORN_LINE, head.tornAside());
                }
                for (Entry e : entries) {
                    if (head.seq() > 0 && ch.size() >= rotateBytes) {
                        ch = rotate(ch);
                    }
                    Map<String, Object> record = build(e.action(), e.fields(), head);
                    writeLine(ch, record, false);
                    records.add(record);
                    head = new ChainHead((Long) record.get(AuditChain.SEQ), (String) record.get(AuditChain.HASH),
                            head.hash(), null);
                }
                ch.force(false);
                AuditHead.write(file, head.seq(), head.hash());
            } finally {
                ch.close();
            }
        }
        if (alarm.reason() != null) {
            throw new AuditChainBrokenException(file, alarm.reason());
        }
        return records;
    }

    /**
     * Where the chain ends: in the active file, or, when that holds no record yet (just
     * rotated), at the end of the newest segment.
     */
    private ChainHead chainEnd(FileChannel ch) throws IOException {
        ChainHead head = ChainHead.of(ch, this::setAsideTornTail);
        if (head.seq() > 0 || ch.size() > 0) {
            return head;
        }
        List<AuditSegments.Segment> rotated = AuditSegments.rotated(file);
        if (rotated.isEmpty()) {
            return head;
        }
        Path newest = rotated.get(rotated.size() - 1).file();
        if (!Files.isRegularFile(newest, LinkOption.NOFOLLOW_LINKS)) {
            // A pipe would block this open with the lock held; a link could lead anywhere.
            alarm.raise(newest.getFileName() + " is not a regular file");
            throw new AuditChainBrokenException(file, newest.getFileName() + " is not a regular file");
        }
        try (FileChannel last = FileChannel.open(newest, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ChainHead end = ChainHead.of(last, (c, start) -> {
                alarm.raise("the newest segment ends inside a line");
                throw new AuditChainBrokenException(file, "the newest segment ends inside a line");
            });
            return new ChainHead(end.seq(), end.hash(), end.prev(), head.tornAside());
        }
    }

    /** Moves the active file to the next segment number and opens a new, empty one. */
    private FileChannel rotate(FileChannel ch) throws IOException {
        moveToNextSegment(ch);
        return open();
    }

    private Path moveToNextSegment(FileChannel ch) throws IOException {
        ch.force(true);
        ch.close();
        Path segment = AuditSegments.file(file, AuditSegments.next(AuditSegments.rotated(file)));
        Files.move(file, segment);
        AtomicFile.fsyncDirectory(file.toAbsolutePath().getParent());
        return segment;
    }

    /**
     * Keeps the damaged file as a segment of its own and starts a new one from where the head
     * says the chain ended, with a record of why: the break stays where verify will find it (the
     * series no longer links up), and the cut is never papered over by the next record.
     */
    private FileChannel startFreshSegment(FileChannel ch, AuditHead head, String broken) throws IOException {
        AuditFields fields = AuditFields.fields().problem(broken);
        FileChannel fresh = ch;
        if (ch.size() > 0) {
            fields.setAsideTo(moveToNextSegment(ch).getFileName().toString());
            fresh = open();
        }
        ChainHead after = write(fresh, new ChainHead(head.seq(), head.hash(), null, null), AuditAction.AUDIT_CHAIN_BROKEN,
                fields);
        AuditHead.write(file, after.seq(), after.hash());
        return fresh;
    }

    private ChainHead write(FileChannel ch, ChainHead head, AuditAction action, AuditFields fields)
            throws IOException {
        Map<String, Object> record = build(action, fields.asMap(), head);
        writeLine(ch, record, true);
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

    private static void writeLine(FileChannel ch, Map<String, Object> record, boolean sync) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap((JsonValues.canonical(record) + "\n").getBytes(StandardCharsets.UTF_8));
        ch.position(ch.size());
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        if (sync) {
            ch.force(false);
        }
    }

    /** The alarm this writer raises and heeds. */
    public AuditAlarm alarm() {
        return alarm;
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
    private AuditFields setAsideTornTail(FileChannel ch, long tornStart) throws IOException {
        long length = ch.size() - tornStart;
        Path aside = file.resolveSibling(file.getFileName() + ".torn-" + clock.millis());
        // Copied and hashed a block at a time: a tail of any size costs no more memory than a block.
        MessageDigest sha256 = AuditChain.newDigest();
        ByteBuffer block = ByteBuffer.allocate(1 << 16);
        try (FileChannel out = FileChannel.open(aside, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY))) {
            for (long at = tornStart; at < tornStart + length; ) {
                block.clear().limit((int) Math.min(block.capacity(), tornStart + length - at));
                int n = ch.read(block, at);
                if (n < 0) {
                    throw new IOException("the log shrank while its torn tail was set aside");
                }
                block.flip();
                sha256.update(block.duplicate());
                while (block.hasRemaining()) {
                    out.write(block);
                }
                at += n;
            }
            out.force(true);
        }
        AtomicFile.fsyncDirectory(file.toAbsolutePath().getParent());
        ch.truncate(tornStart);
        ch.force(true);
        return AuditFields.fields().setAsideTo(aside.getFileName().toString())
                .bytes(length, HexFormat.of().formatHex(sha256.digest()));
    }
}
