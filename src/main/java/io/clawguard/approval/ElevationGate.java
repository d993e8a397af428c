package io.clawguard.approval;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.audit.AuditLog;
import io.clawguard.bus.CommandFinished;
import io.clawguard.bus.CommandStarted;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.EventBus;
import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.CommandValidator;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides privileged requests and closes them: screens each request, lets a live session
 * approval through or asks the approver, writes {@code exec_start} before answering "run",
 * and after the command applies the drop or keep. The console's broker and the in-process
 * fallback of {@code clawguard exec} both go through it, so the rules live in one place.
 */
public final class ElevationGate {
    private final StateHome home;
    private final RequestScreening screening;
    private final ElevationStore store;
    private final ScriptSpool spool;
    private final AuditTrail audit;
    private final Clock clock;
    private final EventBus bus;
    private final int ownUid;
    private final AtomicLong sequence = new AtomicLong();

    /** Everything the gate needs from outside; the composition root builds it. */
    /** {@code scripts} reads a script argument the way its requester could. */
    public record Dependencies(StateHome home, CommandValidator validator, Clock clock, EventBus bus, int ownUid,
                               AuditLog auditLog, ScriptReader scripts) {
    }

    public ElevationGate(Dependencies d) {
        this.home = d.home();
        this.clock = d.clock();
        this.bus = d.bus();
        this.audit = new AuditTrail(d.auditLog(), d.bus(), d.clock());
        this.screening = new RequestScreening(d.home(), d.validator(), audit, d.ownUid(), java.nio.file.Path.of("/etc/passwd"),
                d.scripts());
        this.spool = new ScriptSpool(d.home().dir());
        this.store = new ElevationStore(d.home().elevationState());
        this.ownUid = d.ownUid();
    }

    public AuditTrail audit() {
        return audit;
    }

    /**
     * Decides one request, asking {@code approvers} when no session approval covers it.
     * Never throws: a failure to read or record anything refuses the request.
     */
    public Verdict decide(ExecRequest req, ApproverFactory approvers) {
        try {
            ScreenedRequest screened = screening.screen(req);
            String requestId = newRequestId(req.requester());
            // A command under the two-person rule is never served from a session: two admins, every time.
            if (screened.approvalsNeeded() == 1 && !screened.askEveryTime() && reuseSession(req, screened)) {
                return start(req, screened, requestId, "session",
                        req.keepSession() ? Verdict.AfterCommand.KEEP_SESSION : Verdict.AfterCommand.DROP_ALL);
            }
            Set<Integer> groups = RequesterGroups.of(req.requester());
            ArgumentPaths.Shown shown = argumentPaths(req, screened, groups);
            ApprovalDecision decision = ask(req, screened, requestId, shown, approvers);
            if (!decision.approved()) {
                return refusal(decision);
            }
            String changed = shown.firstChange(argumentPaths(req, screened, groups), req.argv());
            if (changed != null) {
                // Swapped while the admin read it: what would run is not what was approved.
                audit.append(AuditAction.ARGUMENT_CHANGED, fields(screened.binding(), requestId).why(changed));
                return new Verdict.Refuse(ExitCode.DENIED, "refused: " + changed);
            }
            // An interpreter handed code is a root shell for anything: never kept, whatever the key said.
            boolean keep = decision.keep() && !screened.interpreter().any();
            grant(req, screened, requestId, keep, decision.keep() && !keep);
            return start(req, screened, requestId, "approval",
                    keep ? Verdict.AfterCommand.KEEP_SESSION : Verdict.AfterCommand.DROP_ONCE);
        } catch (RefusedException e) {
            return new Verdict.Refuse(e.outcome().exitCode(), e.getMessage());
        } catch (IOException | InvalidJsonFileException e) {
            return new Verdict.Refuse(ExitCode.DENIED, "refused: " + e.getMessage());
        }
    }

    /**
     * Closes an authorised run: {@code exitCode} as reported, or null with {@code error} when
     * it could not start, or null with no error when the requester vanished without a report.
     */
    public void finished(Verdict.Run run, Integer exitCode, String error, Recording recording)
            throws IOException, InvalidJsonFileException {
        AuditFields f = fields(run.binding(), run.requestId()).useSudo(run.useSudo());
        if (recording.offByRule() != null) {
            f.recordingOff(recording.offByRule());
        } else if (recording.path() != null) {
            f.recording(recording.path(), recording.sha256(), recording.bytes(), recording.truncated());
        }
        if (exitCode != null) {
            audit.append(AuditAction.EXEC_FINISH, f.returnCode(exitCode));
        } else if (error != null) {
            audit.append(AuditAction.EXEC_FAILED, f.error(error));
        } else {
            audit.append(AuditAction.EXEC_UNREPORTED, f);
        }
        bus.publish(new CommandFinished(run.requestId(), run.binding().argv(), exitCode, clock.instant()));
        spool.clear(run.requestId());
        afterCommand(run);
    }

    /**
     * A program the approved run started: audited as {@code exec_child}; when it matches a
     * {@code deny_children} rule, that is audited too and the rule is returned (the caller ends the run).
     */
    public Optional<String> child(Verdict.Run run, long pid, long parentPid, String exe, List<String> argv)
            throws IOException {
        audit.append(AuditAction.EXEC_CHILD, fields(run.binding(), run.requestId()).child(pid, parentPid, exe, argv));
        Optional<String> rule = run.policy().deniedChild(argv, exe);
        if (rule.isPresent()) {
            audit.append(AuditAction.EXEC_CHILD_DENIED, fields(run.binding(), run.requestId())
                    .child(pid, parentPid, exe, argv).pattern(rule.get())
                    .why("deny_children: the whole run is killed"));
        }
        return rule;
    }

    /** The requester of a running command went away: the command is being ended. */
    public void interrupted(Verdict.Run run, String how) throws IOException {
        audit.append(AuditAction.EXEC_INTERRUPTED, fields(run.binding(), run.requestId()).how(how));
    }

    /**
     * Drops the session when it has been idle past its timeout; the console's timer calls
     * this every second so expiry happens on time, not only when the next request arrives.
     */
    public void expireIfIdle() throws IOException, InvalidJsonFileException {
        Optional<Duration> readable = configuredTimeout();
        Duration configured = readable.orElse(Duration.ZERO);
        Instant now = clock.instant();
        AuditFields expired = store.update(s -> {
            if (!s.idleExpired(now, configured)) {
                return new ElevationStore.Outcome<>(s, null);
            }
            AuditFields f = expiryFields(s, configured);
            if (readable.isEmpty()) {
                f.because("clawguard.json cannot be read, so no timeout can be trusted");
            }
            return new ElevationStore.Outcome<>(s.dropped(now, "idle-timeout"), f);
        });
        if (expired != null) {
            audit.append(AuditAction.ELEVATION_EXPIRED, expired);
            publishState(ElevationState.INITIAL, "idle-timeout", configured);
        }
    }

    /** The admin's "drop elevation now"; false when there was nothing to drop. */
    public boolean dropNow(String who) throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        boolean dropped = store.update(s -> new ElevationStore.Outcome<>(s.elevated() ? s.dropped(now, "admin-drop") : s,
                s.elevated()));
        if (dropped) {
            audit.append(AuditAction.DROP_ELEVATION, AuditFields.fields().reason("admin-drop").by(who));
            publishState(ElevationState.INITIAL, "admin-drop", configuredTimeout().orElse(Duration.ZERO));
        }
        return dropped;
    }

    /** The current session, for a console starting up. */
    public ElevationChanged currentState() throws InvalidJsonFileException {
        return changed(store.read(), "startup", configuredTimeout().orElse(Duration.ZERO));
    }

    /**
     * The admin's idle timeout; empty when {@code clawguard.json} cannot be read. The timer
     * then treats the timeout as zero: a live session is dropped, never kept on a guess.
     */
    private Optional<Duration> configuredTimeout() {
        try {
            return Optional.of(GuardConfig.load(home.config(), ownUid).idleTimeout());
        } catch (InvalidJsonFileException e) {
            return Optional.empty();
        }
    }

    /** Unique on this host: the requester's pid, the microsecond, and a counter of this process. */
    private String newRequestId(Requester requester) {
        Instant now = clock.instant();
        long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
        return Long.toString(requester.pid(), 36) + "-" + Long.toString(micros, 36) + "-"
                + Long.toString(sequence.incrementAndGet(), 36);
    }

    /**
     * True when a live session already allows the binding. Only reads the state, unless the
     * session has gone idle past its timeout, in which case it is dropped here and audited.
     * Untrusted requests are always asked again.
     */
    private boolean reuseSession(ExecRequest req, ScreenedRequest screened) throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        Duration configured = screened.config().idleTimeout();
        CommandBinding binding = screened.binding();
        SessionCheck check = store.update(current -> {
            boolean expired = current.idleExpired(now, configured);
            ElevationState s = expired ? current.dropped(now, "idle-timeout") : current;
            boolean reuse = !screened.env().untrustedSource() && s.authorises(binding);
            return new ElevationStore.Outcome<>(s, new SessionCheck(expired ? expiryFields(current, configured) : null, reuse));
        });
        if (check.expired() != null) {
            audit.append(AuditAction.ELEVATION_EXPIRED, check.expired());
            publishState(ElevationState.INITIAL, "idle-timeout", configured);
        }
        return check.reused();
    }

    private record SessionCheck(AuditFields expired, boolean reused) {
    }

    private static AuditFields expiryFields(ElevationState s, Duration configured) {
        return AuditFields.fields().idleTimeoutMinutes(s.effectiveTimeout(configured).toMinutes())
                .sessionId(s.approvedSessionId()).lastElevatedActivity(s.lastElevatedActivity());
    }

    private ApprovalDecision ask(ExecRequest req, ScreenedRequest screened, String requestId, ArgumentPaths.Shown shown,
                                 ApproverFactory approvers) throws IOException, RefusedException {
        boolean confirm = screened.env().untrustedSource() && screened.prompt().requireConfirmationForUntrusted();
        ApprovalRequest request = new ApprovalRequest(requestId, screened.binding(), req.reason(),
                screened.env().untrustedSource(), confirm, req.keepSession(), throughSudo(screened), req.requester(),
                shown.resolved(), shown.changeable(), shown.folderChangeable(), screened.runsAs(),
                screened.approvalsNeeded(), screened.code(), clock.instant());
        audit.append(AuditAction.APPROVAL_REQUESTED, interpreter(fields(screened.binding(), requestId), screened)
                .reason(req.reason()).untrustedSource(screened.env().untrustedSource())
                .requester(req.requester().uid(), req.requester().pid())
                .requesterProcess(req.requester().process()).approvalsNeeded(screened.approvalsNeeded())
                .runsAs(screened.runsAs()));
        ApprovalDecision decision;
        try {
            decision = approvers.forConfig(screened.config()).decide(request);
        } catch (ApproverUnavailableException e) {
            audit.append(AuditAction.APPROVER_UNREACHABLE, fields(screened.binding(), requestId));
            throw new RefusedException(ExitCode.NO_APPROVER, e.getMessage());
        }
        recordDecision(req, screened.binding(), requestId, decision);
        return decision;
    }

    private static ArgumentPaths.Shown argumentPaths(ExecRequest req, ScreenedRequest screened, Set<Integer> groups) {
        return ArgumentPaths.of(req.argv(), req.cwdHandle(), req.requester().uid(), groups,
                Set.copyOf(screened.interpreter().inlineArgs()));
    }

    /** Whether the command really runs through sudo: only a broker that is not root was asked to; a root one never does. */
    private static boolean throughSudo(ScreenedRequest s) {
        return !s.runArgv().get(0).equals(s.binding().resolvedPath());
    }

    private void recordDecision(ExecRequest req, CommandBinding binding, String requestId, ApprovalDecision decision)
            throws IOException {
        AuditFields d = fields(binding, requestId).reason(req.reason()).approved(decision.approved())
                .outcome(decision.outcome().name().toLowerCase(Locale.ROOT)).keep(decision.keep())
                .decisionReason(decision.reason());
        if (!decision.by().isEmpty()) {
            d.by(decision.by());
        }
        audit.append(AuditAction.APPROVAL_DECISION, d);
        if (decision.outcome() == ApprovalDecision.Outcome.SECOND_FACTOR_FAILED) {
            audit.append(AuditAction.APPROVAL_TOKEN_FAILED, fields(binding, requestId));
        } else if (decision.outcome() == ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED) {
            audit.append(AuditAction.UNTRUSTED_SOURCE_BLOCK, fields(binding, requestId));
        } else if (!decision.approved()) {
            audit.append(AuditAction.APPROVAL_DENIED, fields(binding, requestId).reason(req.reason())
                    .decisionReason(decision.reason()));
        }
    }

    private static Verdict refusal(ApprovalDecision decision) {
        String why = decision.reason() == null ? "" : ": " + decision.reason();
        return switch (decision.outcome()) {
            case SECOND_FACTOR_FAILED -> new Verdict.Refuse(ExitCode.SECOND_FACTOR_FAILED, "second factor failed" + why);
            case UNTRUSTED_NOT_CONFIRMED -> new Verdict.Refuse(ExitCode.UNTRUSTED_NOT_CONFIRMED,
                    "request from an untrusted source was not confirmed" + why);
            case TIMED_OUT -> new Verdict.Refuse(ExitCode.APPROVAL_TIMED_OUT, "approval timed out" + why);
            default -> new Verdict.Refuse(ExitCode.DENIED, "denied" + why);
        };
    }

    /** The code an interpreter is handed, in the record: inline code whole, scripts by path and hash. */
    private static AuditFields interpreter(AuditFields f, ScreenedRequest s) {
        if (s.interpreter().any()) {
            f.inlineCode(s.interpreter().inlineCode()).scripts(s.scripts().stream().map(BoundScript::audited).toList())
                    .interpreterNotes(s.interpreter().notes());
        }
        return f;
    }

    private void grant(ExecRequest req, ScreenedRequest screened, String requestId, boolean keep, boolean keepRefused)
            throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        AllowedCommand.Scope scope = keep ? AllowedCommand.Scope.SESSION : AllowedCommand.Scope.ONCE;
        Duration configured = screened.config().idleTimeout();
        Duration asked = req.requestedIdleTimeout();
        ElevationState next = store.update(s -> {
            ElevationState g = s.granted(screened.binding(), req.reason(), scope, requestId, now,
                    asked != null && asked.compareTo(configured) < 0 ? asked : null);
            return new ElevationStore.Outcome<>(g, g);
        });
        AuditFields granted = fields(screened.binding(), requestId).reason(req.reason())
                .scope(scope.name().toLowerCase(Locale.ROOT));
        if (keepRefused) {
            granted.why("kept_once: an interpreter handed code is never kept for the session");
        }
        audit.append(AuditAction.APPROVAL_GRANTED, granted);
        publishState(next, "approved-command", configured);
    }

    private Verdict.Run start(ExecRequest req, ScreenedRequest screened, String requestId, String authorisedBy,
                              Verdict.AfterCommand after) throws IOException {
        // The bytes bound at request time, from the broker's own copy: what was approved is what runs.
        List<String> runArgv = spool.place(requestId, screened.runArgv(),
                screened.runArgv().size() - screened.binding().argv().size(), screened.scripts());
        AuditFields started = interpreter(fields(screened.binding(), requestId), screened).useSudo(req.useSudo())
                .authorisedBy(authorisedBy).requester(req.requester().uid(), req.requester().pid())
                .runsAs(screened.runsAs());
        if (!screened.scripts().isEmpty()) {
            started.spool(spool.folderOf(requestId).toString());
        }
        audit.append(AuditAction.EXEC_START, started);
        bus.publish(new CommandStarted(requestId, screened.binding().argv(), authorisedBy, clock.instant()));
        return new Verdict.Run(requestId, runArgv, screened.binding(), screened.binary(), screened.runAs(),
                req.commandEnv(), req.useSudo(), after, screened.config().idleTimeout(), screened.policy());
    }

    private void afterCommand(Verdict.Run run) throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        ElevationState[] states = store.update(s -> {
            ElevationState next = switch (run.after()) {
                case KEEP_SESSION -> s.touched(now);
                case DROP_ONCE -> s.withoutOnce(run.requestId(), now);
                case DROP_ALL -> s.elevated() ? s.dropped(now, "post-command") : s;
            };
            return new ElevationStore.Outcome<>(next, new ElevationState[] {s, next});
        });
        if (states[0].elevated() && !states[1].elevated()) {
            audit.append(AuditAction.DROP_ELEVATION, fields(run.binding(), run.requestId()).reason("post-command"));
        }
        if (states[0] != states[1]) {
            publishState(states[1], states[1].elevated() ? "elevated-command" : "post-command", run.configuredTimeout());
        }
    }

    private void publishState(ElevationState s, String cause, Duration configured) {
        bus.publish(changed(s, cause, configured));
    }

    private ElevationChanged changed(ElevationState s, String cause, Duration configured) {
        List<List<String>> allowed = s.allowedCommands().stream()
                .filter(c -> c.scope() == AllowedCommand.Scope.SESSION).map(AllowedCommand::argv).toList();
        return new ElevationChanged(s.elevated(), s.elevated() ? s.lastElevatedActivity() : null,
                s.effectiveTimeout(configured), allowed, s.approvedSessionId(), cause, clock.instant());
    }

    private static AuditFields fields(CommandBinding b, String requestId) {
        return AuditFields.fields().argv(b.argv()).requestId(requestId).sessionId(b.sessionId())
                .resolvedPath(b.resolvedPath()).cwd(b.cwd());
    }
}
