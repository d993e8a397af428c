package io.clawguard.audit;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the answer to "is the audit chain intact?" current for the console, the scorecard and
 * the broker, at a cost in proportion to what was appended since the last answer: each check
 * resumes from a checkpoint (the last record verified, kept in memory and beside the log), and
 * a full pass over every segment runs in the background at a low rate to catch an edit made
 * before the checkpoint. A break either finds raises the alarm the log's writers heed, so
 * privileged work stops; a torn last line is a crash's debris, not a break.
 */
public final class AuditChainWatch {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainWatch.class);

    private final Path log;
    private final AuditAlarm alarm;
    private final boolean keepCheckpoint;
    private AuditCheckpoint checkpoint;
    private boolean checkpointLoaded;
    private AuditVerification fullPassBreak;
    private volatile long lastVerifiedSeq;
    private final CountDownLatch answered = new CountDownLatch(1);

    /**
     * {@code keepCheckpoint}: whether this process keeps the checkpoint file (the broker's
     * assembly, which owns the folder and runs the full pass that stands behind it). A watch that
     * does not keep it does not trust it either: it walks the log from its start.
     */
    public AuditChainWatch(Path log, AuditAlarm alarm, boolean keepCheckpoint) {
        this.log = log;
        this.alarm = alarm;
        this.keepCheckpoint = keepCheckpoint;
    }

    /** For one-shot commands: walks the whole log, writes no checkpoint, raises no one's alarm. */
    public static AuditChainWatch readOnly(Path log) {
        return new AuditChainWatch(log, new AuditAlarm(), false);
    }

    /** The chain from the checkpoint to the end now (from the start when there is none or it no longer fits). */
    public synchronized AuditVerification verify() throws IOException {
        try {
            loadCheckpoint();
            Optional<AuditVerifier.Outcome> resumed = checkpoint == null ? Optional.empty()
                    : AuditVerifier.after(log, checkpoint);
            AuditVerification v = settle(resumed.isPresent() ? resumed.get()
                    : AuditVerifier.fromGenesis(log, Pacer.FULL_SPEED, checkpoint));
            return fullPassBreak != null ? fullPassBreak : v;
        } catch (IOException e) {
            throw unverifiable(e);
        } finally {
            answered.countDown();
        }
    }

    /** The seq of the last record verified (0 before any); never waits for a walk under way. */
    public long lastVerifiedSeq() {
        return lastVerifiedSeq;
    }

    /**
     * Waits until a first verification has ended, so no privileged step goes ahead on a chain
     * nobody has looked at since the process started; the alarm says how it ended.
     */
    public void awaitFirstAnswer() throws InterruptedException {
        answered.await();
    }

    private void loadCheckpoint() {
        if (!checkpointLoaded && keepCheckpoint) {
            checkpoint = AuditCheckpointFile.read(log).orElse(null);
        }
        checkpointLoaded = true;
    }

    /**
     * Walks the whole series again at most {@code pacer}'s rate. A break found stays the answer
     * until a later full pass finds the series intact (the admin set the damaged files aside).
     */
    public void fullPass(Pacer pacer) throws IOException {
        AuditCheckpoint remembered;
        synchronized (this) {
            loadCheckpoint();
            remembered = checkpoint;
        }
        AuditVerifier.Outcome o;
        try {
            o = AuditVerifier.fromGenesis(log, pacer, remembered);
        } catch (IOException e) {
            throw unverifiable(e);
        }
        synchronized (this) {
            boolean broken = !o.verification().intact() && !o.verification().broken().crashDebris();
            fullPassBreak = broken ? o.verification() : null;
            settle(o);
        }
    }

    /**
     * A log that cannot be read to the end cannot be vouched for: the alarm goes up, unless the
     * read was stopped because the process is stopping.
     */
    private IOException unverifiable(IOException e) {
        if (!(e instanceof ClosedByInterruptException) && !(e instanceof java.io.InterruptedIOException)) {
            alarm.raise("the audit log cannot be verified: " + e.getMessage());
        }
        return e;
    }

    private AuditVerification settle(AuditVerifier.Outcome o) {
        AuditVerification v = o.verification();
        if (!v.intact() && !v.broken().crashDebris()) {
            alarm.raise("the audit chain is broken: " + v.badFile() + " line " + v.firstBadLine() + ": " + v.problem());
        }
        // Only forward: a pass over an older snapshot must not make the watch forget what it verified since.
        if (v.intact() && o.end() != null && (checkpoint == null || o.end().seq() > checkpoint.seq())) {
            checkpoint = o.end();
            lastVerifiedSeq = checkpoint.seq();
            if (keepCheckpoint) {
                try {
                    AuditCheckpointFile.write(log, checkpoint);
                } catch (ClosedByInterruptException stopping) {
                    LOG.debug("checkpoint not kept: stopping", stopping);
                } catch (IOException e) {
                    LOG.warn("could not keep the audit checkpoint beside {}", log, e);
                }
            }
        }
        return v;
    }
}
