package io.clawguard.approval;

import io.clawguard.audit.AuditLog;
import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.CommandValidator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code clawguard exec} from request to exit code: screen the request, reuse a live
 * session approval or ask the approver, run the exact validated argv, and drop the
 * elevation afterwards unless it was kept. Every step is audited before the next begins.
 */
public final class GuardedExecution {
    private final RequestScreening screening;
    private final ElevationStore store;
    private final AuditLog audit;
    private final ApproverFactory approvers;
    private final CommandRunner runner;
    private final ExecEnvironment env;
    private final Clock clock;
    private final Requester requester;

    /** Who asks: the uid and pid the approver is shown. */
    public record Requester(int uid, long pid) {
    }

    /** Everything an execution needs from outside; the composition root builds it. */
    public record Dependencies(StateHome home, ExecEnvironment env,
                               CommandValidator validator, ApproverFactory approvers,
                               CommandRunner runner, Clock clock, Requester requester) {
    }

    public GuardedExecution(Dependencies d) {
        this.audit = new AuditLog(d.home().auditLog(), d.clock());
        this.screening = new RequestScreening(d.home(), d.env(), d.validator(), audit, d.requester().uid());
        this.store = new ElevationStore(d.home().elevationState());
        this.approvers = d.approvers();
        this.runner = d.runner();
        this.env = d.env();
        this.clock = d.clock();
        this.requester = d.requester();
    }

    public ExecOutcome execute(ExecRequest req) {
        try {
            ScreenedRequest screened = screening.screen(req);
            Duration timeout = screened.config().idleTimeoutFor(req.requestedIdleTimeout());
            String requestId = newRequestId();
            if (reuseSession(screened.binding(), timeout)) {
                return run(req, screened, requestId, "session", req.keepSession() ? Keep.SESSION : Keep.DROP_ALL);
            }
            ApprovalDecision decision = ask(req, screened, requestId);
            if (!decision.approved()) {
                return refusal(decision);
            }
            grant(req, screened.binding(), requestId, decision.keep());
            return run(req, screened, requestId, "approval", decision.keep() ? Keep.SESSION : Keep.DROP_ONCE);
        } catch (RefusedException e) {
            return e.outcome();
        } catch (IOException | InvalidJsonFileException e) {
            return ExecOutcome.refused(ExitCode.DENIED, "refused: " + e.getMessage());
        }
    }

    /**
     * Unique on this host: one process makes one request, and a pid is not reused within a
     * microsecond. (A UUID would cost the hot path ~10 ms of SecureRandom start-up.)
     */
    private String newRequestId() {
        Instant now = clock.instant();
        long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
        return Long.toString(requester.pid(), 36) + "-" + Long.toString(micros, 36);
    }

    /** What happens to the elevation after the command. */
    private enum Keep { SESSION, DROP_ONCE, DROP_ALL }

    /**
     * True when a live session already allows the binding. Only reads the state, unless the
     * session has gone idle past its timeout, in which case it is dropped here and audited.
     * Untrusted requests are always asked again.
     */
    private boolean reuseSession(CommandBinding binding, Duration timeout)
            throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        SessionCheck check = store.update(current -> {
            boolean expired = current.idleExpired(now, timeout);
            ElevationState s = expired ? current.dropped(now, "idle-timeout") : current;
            return new ElevationStore.Outcome<>(s, new SessionCheck(expired, !env.untrustedSource() && s.authorises(binding)));
        });
        if (check.expired()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("idle_timeout_minutes", timeout.toMinutes());
            audit.append("elevation_expired", f);
        }
        return check.reused();
    }

    private record SessionCheck(boolean expired, boolean reused) {
    }

    private ApprovalDecision ask(ExecRequest req, ScreenedRequest screened, String requestId)
            throws IOException, RefusedException {
        boolean confirm = env.untrustedSource() && screened.prompt().requireConfirmationForUntrusted();
        ApprovalRequest request = new ApprovalRequest(requestId, screened.binding(), req.reason(),
                env.untrustedSource(), confirm, req.keepSession(), req.useSudo(), requester.uid(), requester.pid(),
                clock.instant());
        Map<String, Object> f = fields(screened.binding(), requestId);
        f.put("reason", req.reason());
        f.put("untrusted_source", env.untrustedSource());
        f.put("requester_uid", (long) requester.uid());
        f.put("requester_pid", requester.pid());
        audit.append("approval_requested", f);
        ApprovalDecision decision;
        try {
            decision = approvers.forConfig(screened.config()).decide(request);
        } catch (ApproverUnavailableException e) {
            audit.append("approver_unreachable", fields(screened.binding(), requestId));
            throw new RefusedException(ExitCode.NO_APPROVER, e.getMessage());
        }
        Map<String, Object> d = fields(screened.binding(), requestId);
        d.put("reason", req.reason());
        d.put("approved", decision.approved());
        d.put("outcome", decision.outcome().name().toLowerCase(Locale.ROOT));
        d.put("keep", decision.keep());
        d.put("decision_reason", decision.reason());
        audit.append("approval_decision", d);
        if (decision.outcome() == ApprovalDecision.Outcome.SECOND_FACTOR_FAILED) {
            audit.append("approval_token_failed", fields(screened.binding(), requestId));
        } else if (decision.outcome() == ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED) {
            audit.append("untrusted_source_block", fields(screened.binding(), requestId));
        } else if (!decision.approved()) {
            Map<String, Object> denied = fields(screened.binding(), requestId);
            denied.put("reason", req.reason());
            denied.put("decision_reason", decision.reason());
            audit.append("approval_denied", denied);
        }
        return decision;
    }

    private ExecOutcome refusal(ApprovalDecision decision) {
        String why = decision.reason() == null ? "" : ": " + decision.reason();
        return switch (decision.outcome()) {
            case SECOND_FACTOR_FAILED -> ExecOutcome.refused(ExitCode.SECOND_FACTOR_FAILED,
                    "second factor failed" + why);
            case UNTRUSTED_NOT_CONFIRMED -> ExecOutcome.refused(ExitCode.UNTRUSTED_NOT_CONFIRMED,
                    "request from an untrusted source was not confirmed" + why);
            case TIMED_OUT -> ExecOutcome.refused(ExitCode.APPROVAL_TIMED_OUT, "approval timed out" + why);
            default -> ExecOutcome.refused(ExitCode.DENIED, "denied" + why);
        };
    }

    private void grant(ExecRequest req, CommandBinding binding, String requestId, boolean keep)
            throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        AllowedCommand.Scope scope = keep ? AllowedCommand.Scope.SESSION : AllowedCommand.Scope.ONCE;
        store.update(s -> new ElevationStore.Outcome<>(s.granted(binding, req.reason(), scope, requestId, now), null));
        Map<String, Object> f = fields(binding, requestId);
        f.put("reason", req.reason());
        f.put("scope", scope.name().toLowerCase(Locale.ROOT));
        audit.append("approval_granted", f);
    }

    /** {@code authorisedBy} says what let it run: this request's approval or the session's. */
    private ExecOutcome run(ExecRequest req, ScreenedRequest screened, String requestId, String authorisedBy,
                            Keep keep) throws IOException, InvalidJsonFileException {
        CommandBinding binding = screened.binding();
        Map<String, Object> start = fields(binding, requestId);
        start.put("use_sudo", req.useSudo());
        start.put("authorised_by", authorisedBy);
        audit.append("exec_start", start);
        int code;
        try {
            code = runner.run(screened.runArgv(), req.cwd());
        } catch (IOException e) {
            Map<String, Object> f = fields(binding, requestId);
            f.put("error", e.getMessage());
            audit.append("exec_failed", f);
            afterCommand(binding, requestId, keep);
            return ExecOutcome.refused(ExitCode.DENIED, "could not start the command: " + e.getMessage());
        }
        Map<String, Object> finish = fields(binding, requestId);
        finish.put("use_sudo", req.useSudo());
        finish.put("returncode", (long) code);
        audit.append("exec_finish", finish);
        afterCommand(binding, requestId, keep);
        return ExecOutcome.ran(code);
    }

    private void afterCommand(CommandBinding binding, String requestId, Keep keep)
            throws IOException, InvalidJsonFileException {
        Instant now = clock.instant();
        boolean droppedToNormal = store.update(s -> {
            ElevationState next = switch (keep) {
                case SESSION -> s.touched(now);
                case DROP_ONCE -> s.withoutOnce(requestId, now);
                case DROP_ALL -> s.elevated() ? s.dropped(now, "post-command") : s;
            };
            return new ElevationStore.Outcome<>(next, s.elevated() && !next.elevated());
        });
        if (droppedToNormal) {
            Map<String, Object> f = fields(binding, requestId);
            f.put("reason", "post-command");
            audit.append("drop_elevation", f);
        }
    }

    private Map<String, Object> fields(CommandBinding b, String requestId) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("argv", b.argv());
        f.put("request_id", requestId);
        f.put("session_id", b.sessionId());
        f.put("resolved_path", b.resolvedPath());
        f.put("cwd", b.cwd());
        return f;
    }
}
