package io.clawguard.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks the chain of the audit log through its rotated segments and active file: every chained
 * line's hash, its link to the record before (across segment boundaries too) and its sequence
 * number, then that the chain ends where the head file says. Leading lines without chain
 * fields are the seed's legacy log; the first chained line's {@code prev} seals them. Streams
 * the files a block at a time: memory stays flat whatever the log's size.
 */
public final class AuditVerifier {
    /** No honest record comes near this: a line longer is damage, and is not read into memory. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private AuditVerifier() {
    }

    /** The result and, when intact, where a later walk can resume. */
    record Outcome(AuditVerification verification, AuditCheckpoint end) {
    }

    /**
     * The walk from the start of what the folder holds: the genesis, or, once the oldest
     * segments were archived, just after the last record archived: the first segment left must
     * be the one after the archived ones and link to it.
     */
    private static ChainWalk start(LogSnapshot snap) {
        Optional<ArchiveMark> mark = snap.archived();
        boolean archivedBefore = mark.isPresent() && !snap.parts().isEmpty() && !snap.parts().get(0).active()
                && snap.parts().get(0).number() == mark.get().throughSegment() + 1;
        return archivedBefore ? ChainWalk.after(mark.get().asStart()) : ChainWalk.fromGenesis();
    }

    /** Verifies the whole series, as it stood at one instant (see {@link LogSnapshot}). */
    public static AuditVerification verify(Path log) throws IOException {
        return fromGenesis(log, Pacer.FULL_SPEED, null).verification();
    }

    /**
     * Verifies from rotated segment {@code number} on, taking that segment's first record on
     * trust: for a series whose oldest segments were archived, or a quicker look.
     */
    public static AuditVerification verifySince(Path log, long number) throws IOException {
        try (LogSnapshot snap = LogSnapshot.take(log)) {
            List<LogSnapshot.Part> parts = snap.parts();
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).active() && parts.get(i).number() == number) {
                    return walk(snap, i, 0, 1, ChainWalk.trustingFirstRecord(), Pacer.FULL_SPEED).verification();
                }
            }
            throw new IllegalArgumentException("there is no segment " + AuditSegments.file(log, number).getFileName());
        }
    }

    /** From the first line; {@code remembered}, when not null, is a record verified before that must still be there. */
    static Outcome fromGenesis(Path log, Pacer pacer, AuditCheckpoint remembered) throws IOException {
        try (LogSnapshot snap = LogSnapshot.take(log)) {
            ChainWalk walk = start(snap);
            if (remembered != null) {
                walk.remember(remembered);
            }
            return walk(snap, 0, 0, 1, walk, pacer);
        }
    }

    /**
     * Verifies what was added after a checkpoint. Empty when the checkpoint no longer fits the
     * log (its file is gone, shorter, or the record there is not the one checkpointed): then
     * only a walk from the start can say what happened.
     */
    static Optional<Outcome> after(Path log, AuditCheckpoint c) throws IOException {
        try (LogSnapshot snap = LogSnapshot.take(log)) {
            List<LogSnapshot.Part> parts = snap.parts();
            for (int i = 0; i < parts.size(); i++) {
                LogSnapshot.Part part = parts.get(i);
                if (part.inode() == c.inode()) {
                    return stillThere(snap, part, c)
                            ? Optional.of(walk(snap, i, c.offset(), c.line() + 1, ChainWalk.after(c), Pacer.FULL_SPEED))
                            : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    /** The checkpointed record still ends where it did, and still hashes to what it did. */
    private static boolean stillThere(LogSnapshot snap, LogSnapshot.Part part, AuditCheckpoint c) throws IOException {
        if (!part.regular() || c.offset() <= 0 || c.offset() > part.length()) {
            return false;
        }
        FileChannel ch = snap.open(part);
        try {
            long start = ChainHead.lineStart(ch, c.offset() - 1);
            byte[] line = ChainHead.read(ch, start, c.offset() - 1 - start);
            MessageDigest sha256 = AuditChain.newDigest();
            ChainFields fields = ChainFields.read(line, 0, line.length, sha256);
            return fields != null && fields.hashMatches() && fields.seq() == c.seq() && fields.hash().equals(c.hash());
        } finally {
            if (!part.active()) {
                ch.close();
            }
        }
    }

    private static Outcome walk(LogSnapshot snap, int first, long from, int firstLine, ChainWalk walk, Pacer pacer)
            throws IOException {
        List<LogSnapshot.Part> parts = snap.parts();
        Optional<AuditHead> head = snap.head();
        if (parts.isEmpty()) {
            String gone = head.isPresent() ? "the log is gone but its head file says records were written"
                    : walk.shortOfRemembered();
            return gone != null ? broken(new AuditVerification.Break("", 1, gone))
                    : new Outcome(AuditVerification.intact(0, 0, 0, 0), null);
        }
        head.filter(h -> h.seq() >= 0).ifPresent(walk::expect);
        LineReader reader = new LineReader(MAX_LINE_BYTES, pacer);
        for (int i = first; i < parts.size(); i++) {
            LogSnapshot.Part part = parts.get(i);
            String gap = i > first ? gap(parts.get(i - 1), part) : null;
            if (gap != null) {
                return broken(new AuditVerification.Break(part.name(), 0, gap));
            }
            if (!part.regular()) {
                return broken(new AuditVerification.Break(part.name(), 0, "not a regular file (a folder, link, pipe or"
                        + " device named like a part of the log)"));
            }
            FileChannel ch = snap.open(part);
            try {
                if (!walk.walk(part, ch, i == first ? from : 0, i == first ? firstLine : 1, reader)) {
                    // A torn last line is a crash's debris only while the head agrees with what comes before it.
                    String headProblem = walk.problem().crashDebris() ? headProblem(head, walk.lastSeq()) : null;
                    if (headProblem != null) {
                        walk.failAfterEnd(headProblem);
                    }
                    return broken(walk.problem());
                }
            } finally {
                if (!part.active()) {
                    ch.close();
                }
            }
        }
        String headProblem = walk.shortOfRemembered() != null ? walk.shortOfRemembered()
                : headProblem(head, walk.lastSeq());
        if (headProblem != null) {
            walk.failAfterEnd(headProblem);
            return broken(walk.problem());
        }
        return new Outcome(AuditVerification.intact(walk.legacy(), walk.chainStartLine(), walk.records(),
                walk.lastSeq()), walk.lastGood());
    }

    /** A number skipped between two rotated segments: numbers only grow by one, so one was deleted. */
    private static String gap(LogSnapshot.Part before, LogSnapshot.Part part) {
        if (part.active() || part.number() == before.number() + 1) {
            return null;
        }
        return "the segment numbered " + (before.number() + 1) + " is missing (between " + before.name() + " and "
                + part.name() + ")";
    }

    private static String headProblem(Optional<AuditHead> head, long lastSeq) {
        if (head.isEmpty()) {
            return lastSeq > 1 ? "the log ends at seq " + lastSeq
                    + " but has no head file (deleted with the records after it?)" : null;
        }
        AuditHead h = head.get();
        if (h.seq() < 0) {
            return "the head file cannot be read";
        }
        if (h.seq() > lastSeq) {
            return "the log ends at seq " + lastSeq + " but its head file recorded seq " + h.seq()
                    + ": records at the end were deleted";
        }
        if (h.seq() < lastSeq - AuditHead.MAX_LAG) {
            // A writer moves the head with every hold of the lock; a crash leaves it one batch behind at most.
            return "the log ends at seq " + lastSeq + " but its head file recorded seq " + h.seq()
                    + ": records were added without it";
        }
        return null;
    }

    private static Outcome broken(AuditVerification.Break at) {
        return new Outcome(AuditVerification.broken(at), null);
    }
}
