package io.clawguard.audit;

import io.clawguard.files.ExclusiveLock;
import io.clawguard.files.PrivateDirectory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Moves the oldest rotated segments out of the log's folder (retention), so that what is left
 * still verifies: only an intact series is archived, the mark beside the log says where the
 * archived part ended ({@link ArchiveMark}), and an {@code audit_archived} record in the chain
 * says what was moved where and by whom. The active file and the newer segments never move.
 */
public final class AuditArchive {
    private AuditArchive() {
    }

    /** What was archived. */
    public record Result(int segments, long throughSeq, Path into) {
    }

    /**
     * Archives every rotated segment numbered {@code through} or lower into {@code into}
     * (created owner-only), then records it through {@code writer}. Refuses a series that does
     * not verify: archiving must not carry evidence of tampering out of sight.
     */
    public static Result archive(Path log, long through, Path into, AuditLog writer) throws IOException {
        return archive(log, through, into, writer, Long.MAX_VALUE);
    }

    /**
     * The same, refusing to move a record past {@code forwardedThrough}, the last one the syslog
     * collector has confirmed: the log is the forwarding queue, and what leaves it unsent would
     * never reach the collector.
     */
    public static Result archive(Path log, long through, Path into, AuditLog writer, long forwardedThrough)
            throws IOException {
        AuditVerification v = AuditVerifier.verify(log);
        if (!v.intact()) {
            throw new IOException("the audit series does not verify (" + v.badFile() + " line " + v.firstBadLine()
                    + ": " + v.problem() + "); nothing is archived while it is broken");
        }
        ArchiveMark mark;
        List<AuditSegments.Segment> moving;
        try (ExclusiveLock ignored = ExclusiveLock.acquire(AuditLog.lockFileOf(log))) {
            List<AuditSegments.Segment> rotated = AuditSegments.rotated(log);
            moving = rotated.stream().filter(s -> s.number() <= through).toList();
            if (moving.isEmpty() || moving.get(moving.size() - 1).number() != through) {
                throw new IOException("there is no segment " + AuditSegments.file(log, through).getFileName()
                        + " to archive through");
            }
            if (moving.size() == rotated.size()) {
                // The newest segment stays: what is left must start with a segment the mark can name,
                // and segment numbers must go on growing from it.
                throw new IOException("the newest segment, " + rotated.get(rotated.size() - 1).file().getFileName()
                        + ", stays: archive through " + (through - 1) + " at most");
            }
            mark = lastRecordOf(moving.get(moving.size() - 1).file(), through);
            if (mark.throughSeq() > forwardedThrough) {
                throw new IOException("segment " + through + " holds records up to seq " + mark.throughSeq()
                        + ", but the syslog collector has confirmed only up to seq " + forwardedThrough
                        + ": archive it once they have been forwarded");
            }
            PrivateDirectory.create(into);
            // The mark first: a walk honours it only once the segment after it is the first left.
            mark.write(log);
            for (AuditSegments.Segment s : moving) {
                Files.move(s.file(), into.resolve(s.file().getFileName()));
            }
        }
        writer.append(AuditAction.AUDIT_ARCHIVED, AuditFields.fields()
                .archived(through, mark.throughSeq(), mark.throughHash(), into.toString()));
        return new Result(moving.size(), mark.throughSeq(), into);
    }

    private static ArchiveMark lastRecordOf(Path segment, long number) throws IOException {
        if (!Files.isRegularFile(segment, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(segment + " is not a regular file");
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ChainHead end = ChainHead.of(ch, (c, start) -> {
                throw new IOException(segment + " ends inside a line");
            });
            if (end.seq() <= 0) {
                throw new IOException(segment + " holds no chained record");
            }
            return new ArchiveMark(number, end.seq(), end.hash());
        }
    }
}
