package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Walks the chain through the files of a log, one line at a time, holding only where it stands:
 * the last seq and hash, the digest of the legacy prefix, and the first problem. It can start at
 * the genesis (legacy lines allowed at the very start), after a known record (a checkpoint),
 * or trusting the first record it meets ({@code verify --since}).
 */
final class ChainWalk {
    private final MessageDigest sha256 = AuditChain.newDigest();
    private final MessageDigest legacyDigest = AuditChain.newDigest();
    private final boolean trustFirst;
    private boolean legacyAllowed;
    private long lastSeq;
    private String lastHash;
    private long records;
    private int legacy;
    private int chainStartLine;
    private String file;
    private boolean fileStart;
    private boolean segment;
    private int lineNo;
    private long inode;
    private AuditCheckpoint resumedFrom;
    private long endInode;
    private long endOffset = -1;
    private int endLine;
    private AuditHead head;
    private AuditCheckpoint remembered;
    private AuditVerification.Break problem;

    private ChainWalk(boolean legacyAllowed, boolean trustFirst, long lastSeq, String lastHash) {
        this.legacyAllowed = legacyAllowed;
        this.trustFirst = trustFirst;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }

    static ChainWalk fromGenesis() {
        return new ChainWalk(true, false, 0, null);
    }

    /** Continues after a record already verified. */
    static ChainWalk after(AuditCheckpoint c) {
        ChainWalk walk = new ChainWalk(false, false, c.seq(), c.hash());
        walk.records = c.records();
        walk.legacy = c.legacy();
        walk.chainStartLine = c.chainStartLine();
        walk.resumedFrom = c;
        return walk;
    }

    /** Takes the first record's seq and prev on trust: a walk that starts at a later segment. */
    static ChainWalk trustingFirstRecord() {
        return new ChainWalk(false, true, 0, null);
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    long records() {
        return records;
    }

    int legacy() {
        return legacy;
    }

    int chainStartLine() {
        return chainStartLine;
    }

    /** Where the last record verified ends: the checkpoint a later walk can resume from. */
    AuditCheckpoint lastGood() {
        if (endOffset < 0) {
            return resumedFrom;
        }
        return new AuditCheckpoint(endInode, endOffset, endLine, lastSeq, lastHash, records, legacy, chainStartLine);
    }

    /** The record the head names must carry the head's hash when the walk reaches it. */
    void expect(AuditHead head) {
        this.head = head;
    }

    /**
     * A record verified before, by whoever walks: the walk must reach it and find it unchanged,
     * and a torn line short of it is no crash's debris (a crash cannot tear a record already
     * whole).
     */
    void remember(AuditCheckpoint verified) {
        this.remembered = verified;
    }

    /** Why the walk fell short of the record remembered, or null. */
    String shortOfRemembered() {
        return remembered == null || lastSeq >= remembered.seq() ? null : "the chain ends at seq " + lastSeq
                + " but seq " + remembered.seq() + " was verified before: records were removed, with the head file";
    }

    AuditVerification.Break problem() {
        return problem;
    }

    /**
     * Walks {@code [from, to)} of one file, whose first line there is line {@code firstLine}.
     * False when a problem was found; {@link #problem()} says where.
     */
    boolean walk(LogSnapshot.Part part, FileChannel ch, long from, int firstLine, LineReader reader)
            throws IOException {
        file = part.name();
        inode = part.inode();
        boolean lastFile = part.active();
        segment = !part.active();
        long to = part.length();
        lineNo = firstLine - 1;
        fileStart = from == 0;
        LineReader.End end = reader.read(ch, from, to, this::line);
        legacyAllowed = false;
        switch (end) {
            case STOPPED:
                return false;
            case TOO_LONG:
                return fail(lineNo + 1, "a line longer than " + AuditVerifier.MAX_LINE_BYTES + " bytes");
            case TORN:
                if (lastFile && shortOfRemembered() == null) {
                    problem = new AuditVerification.Break(file, lineNo + 1, "torn last line (" + reader.tornBytes()
                            + " bytes without a newline, left by a crash mid-write); the next write sets it aside", true);
                    return false;
                }
                if (lastFile) {
                    return fail(lineNo + 1, "a torn last line where whole records were verified before ("
                            + shortOfRemembered() + ")");
                }
                return fail(lineNo + 1, "the segment ends inside a line (" + reader.tornBytes()
                        + " bytes without a newline)");
            default:
                return true;
        }
    }

    /** Fails the walk just past the last line walked: the end of the log disagrees with its head. */
    void failAfterEnd(String why) {
        fail(lineNo + 1, why);
    }

    /** Fails the walk at a line of the current file (0: the file as a whole). */
    private boolean fail(int line, String why) {
        problem = new AuditVerification.Break(file, line, why);
        return false;
    }

    private boolean line(byte[] bytes, int start, int length, long offset) {
        lineNo++;
        ChainFields fast = ChainFields.read(bytes, start, length, sha256);
        long before = records;
        boolean ok = fast != null && fast.hashMatches() ? link(fast.seq(), fast.prev(), fast.hash())
                : slowLine(new String(bytes, start, length, StandardCharsets.UTF_8), bytes, start, length);
        if (records > before) {
            endInode = inode;
            endOffset = offset + length + 1;
            endLine = lineNo;
        }
        return ok;
    }

    @SuppressWarnings("unchecked")
    private boolean slowLine(String line, byte[] bytes, int start, int length) {
        if (line.isBlank() && legacyAllowed && lastHash == null) {
            // The writer seals every byte before its first record, a blank line of the seed's log too.
            return legacy(bytes, start, length);
        }
        Map<String, Object> record;
        try {
            if (!(JsonValues.parse(line) instanceof Map<?, ?> m)) {
                return fail(lineNo, "not a JSON object");
            }
            record = (Map<String, Object>) m;
        } catch (IOException e) {
            return fail(lineNo, "not valid JSON");
        }
        if (!AuditChain.isChained(record)) {
            if (!legacyAllowed || lastHash != null) {
                return fail(lineNo, lastHash == null && !legacyAllowed
                        ? "unchained line where the chain should go on" : "unchained line inside the chain (inserted)");
            }
            return legacy(bytes, start, length);
        }
        if (!(record.get(AuditChain.HASH) instanceof String hash)) {
            return fail(lineNo, "missing \"hash\"");
        }
        if (!hash.equals(AuditChain.hashOf(record))) {
            return fail(lineNo, "hash does not match the record's content (line edited)");
        }
        if (!(record.get(AuditChain.SEQ) instanceof Long seq)) {
            return fail(lineNo, "missing \"seq\"");
        }
        return link(seq, record.get(AuditChain.PREV) instanceof String prev ? prev : null, hash);
    }

    private boolean legacy(byte[] bytes, int start, int length) {
        legacy++;
        legacyDigest.update(bytes, start, length);
        legacyDigest.update((byte) '\n');
        return true;
    }

    private boolean link(long seq, String prev, String hash) {
        if (lastHash == null) {
            if (trustFirst && records == 0) {
                lastSeq = seq - 1;
                lastHash = prev;
            } else {
                lastHash = AuditChain.genesisPrev(legacyDigest);
            }
            chainStartLine = lineNo;
        }
        boolean firstOfFile = fileStart && lineNo == 1;
        if (seq != lastSeq + 1) {
            return fail(lineNo, firstOfFile && records > 0
                    ? "the segment starts at seq " + seq + " where " + (lastSeq + 1) + " was expected (a segment"
                            + " before it was deleted, or segments were reordered)"
                    : firstOfFile && segment && lastSeq == 0
                    ? "the log starts at seq " + seq + ": earlier segments are missing (verify --since to start later)"
                    : "seq is " + seq + " where " + (lastSeq + 1)
                            + " was expected (a line was deleted, inserted or moved)");
        }
        if (!lastHash.equals(prev)) {
            return fail(lineNo, firstOfFile && records > 0
                    ? "the segment's first record does not link to the last record of the segment before it"
                    : "prev does not match the hash of the record before it (a line was deleted, inserted or moved)");
        }
        if (head != null && head.seq() == seq && !head.hash().equals(hash)) {
            return fail(lineNo, "the record differs from the one the head file recorded (the end was rewritten)");
        }
        if (remembered != null && remembered.seq() == seq && !remembered.hash().equals(hash)) {
            return fail(lineNo, "seq " + seq + " is not the record verified before (records were removed or"
                    + " replaced, and the head file with them)");
        }
        lastSeq = seq;
        lastHash = hash;
        records++;
        legacyAllowed = false;
        return true;
    }
}
