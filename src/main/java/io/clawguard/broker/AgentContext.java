package io.clawguard.broker;

import io.clawguard.approval.ApprovalRequest;
import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.ExecRequest;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.approval.Verdict;
import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditChainWatch;
import io.clawguard.audit.AuditFields;
import io.clawguard.policy.ShellQuote;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every agent connection shares, and the records it leaves when something goes wrong. */
final class AgentContext {
    private static final Logger LOG = LoggerFactory.getLogger(AgentContext.class);

    private final ElevationGate gate;
    private final PendingApprovals pending;
    private final PeerCheck peers;
    private final CommandLauncher launcher;
    private final Duration pendingTimeout;
    private final Duration killGrace;
    private final IntSupplier consoles;
    private final PeerLoad load;
    private final DiskRoom disk;
    private final AuditChainWatch auditWatch;
    private final Recordings recordings;

    /** Where runs are recorded (beside the audit log), and how much of one at most. */
    record Recordings(Path folder, long maxBytes) {
    }

    AgentContext(ElevationGate gate, PendingApprovals pending, PeerCheck peers, CommandLauncher launcher,
                 Duration pendingTimeout, Duration killGrace, IntSupplier consoles, PeerLoad load, DiskRoom disk,
                 AuditChainWatch auditWatch, Recordings recordings) {
        this.recordings = recordings;
        this.load = load;
        this.auditWatch = auditWatch;
        this.disk = disk;
        this.gate = gate;
        this.pending = pending;
        this.peers = peers;
        this.launcher = launcher;
        this.pendingTimeout = pendingTimeout;
        this.killGrace = killGrace;
        this.consoles = consoles;
    }

    /**
     * The recorder for {@code run}, or empty when a {@code no_record} rule turns recording off for
     * it (the caller puts that rule in the run's record).
     */
    Optional<RunRecorder> recorder(Verdict.Run run) throws IOException {
        if (run.policy().recordingOff(run.binding().argv(), run.binding().resolvedPath()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(RunRecorder.start(recordings.folder(), run.requestId(),
                ShellQuote.join(run.binding().argv()), recordings.maxBytes(), Instant.now()));
    }

    ElevationGate gate() {
        return gate;
    }

    PendingApprovals pending() {
        return pending;
    }

    PeerCheck peers() {
        return peers;
    }

    PeerLoad load() {
        return load;
    }

    DiskRoom disk() {
        return disk;
    }

    /** Returns once the broker has looked at the audit chain since it started; a break raised the alarm. */
    void awaitAuditChecked() throws InterruptedException {
        auditWatch.awaitFirstAnswer();
    }

    CommandLauncher launcher() {
        return launcher;
    }

    Duration killGrace() {
        return killGrace;
    }

    /** What the requester is told while its request waits; says so when no admin is watching. */
    String waitingNotice(ApprovalRequest r) {
        String id = "#" + r.id().substring(r.id().lastIndexOf('-') + 1);
        String who = r.approvalsNeeded() > 1 ? "two admins" : "an admin";
        String watching = consoles.getAsInt() == 0
                ? "; no admin console is attached to the broker right now, so unless one attaches it will be refused"
                : "";
        return "request " + id + " waits for " + who + " to approve it (at most " + pendingTimeout.toSeconds() + " s)"
                + watching;
    }

    void unreadableFolder(int uid, long pid, String error) {
        append(AuditAction.CWD_UNREADABLE, AuditFields.fields().requester(uid, pid).error(error));
    }

    /** A request the broker failed to handle: refused, and recorded with what went wrong. */
    void failed(ExecRequest request, RuntimeException e) {
        append(AuditAction.REQUEST_FAILED, AuditFields.fields().argv(request.argv())
                .requester(request.requester().uid(), request.requester().pid())
                .error(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    /**
     * A program started under an approved run: audited, and when a {@code deny_children} rule
     * matches it, the run's whole process group is killed and why is audited.
     */
    void child(Verdict.Run run, ChildWatch.Child child, Runnable killRun) {
        try {
            Optional<String> rule = gate.child(run, child.pid(), child.parentPid(), child.exe(), child.argv());
            if (rule.isPresent()) {
                killRun.run();
            }
        } catch (IOException e) {
            // Unrecorded is not allowed to go on: the run is ended rather than left unaudited.
            LOG.error("could not record a child of request {}; ending the run", run.requestId(), e);
            killRun.run();
        }
    }

    void interrupted(Verdict.Run run) {
        try {
            gate.interrupted(run, "the requester went away; SIGTERM to the process group, SIGKILL after "
                    + killGrace.toSeconds() + " s");
        } catch (IOException e) {
            LOG.error("could not record the end of request {}", run.requestId(), e);
        }
    }

    private void append(AuditAction action, AuditFields fields) {
        try {
            gate.audit().append(action, fields);
        } catch (IOException e) {
            LOG.error("could not record {}", action, e);
        }
    }
}
