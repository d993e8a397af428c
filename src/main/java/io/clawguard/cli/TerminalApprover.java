package io.clawguard.cli;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.ApprovalRequest;
import io.clawguard.approval.ApprovalToken;
import io.clawguard.approval.Approver;
import io.clawguard.approval.ApproverUnavailableException;
import io.clawguard.approval.VisibleText;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal fallback of a same-user install: asks on the controlling terminal when
 * {@code clawguard.json} enables {@code tty_fallback}. Without that setting, or without a
 * terminal on both stdin and stdout, nobody can approve and the request is refused; piped
 * input never counts as an answer.
 */
final class TerminalApprover implements Approver {
    static final String NO_APPROVER = "no approver reachable: no ClawGuard console is running."
            + " Ask the admin to start it with `clawguard console`, then run this again.";

    private final GuardConfig config;
    private final int uid;

    TerminalApprover(GuardConfig config, int uid) {
        this.config = config;
        this.uid = uid;
    }

    @Override
    public ApprovalDecision decide(ApprovalRequest request) throws ApproverUnavailableException {
        if (!config.ttyFallback() || System.console() == null) {
            throw new ApproverUnavailableException(NO_APPROVER);
        }
        ApprovalToken token;
        try {
            token = config.approvalTokenFile() == null ? null : ApprovalToken.fromFile(config.approvalTokenFile(), uid);
        } catch (IOException e) {
            return ApprovalDecision.of(ApprovalDecision.Outcome.SECOND_FACTOR_FAILED,
                    "the approval token cannot be used: " + e.getMessage());
        }
        ExecutorService prompt = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tty-approval");
            t.setDaemon(true);
            return t;
        });
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Future<ApprovalDecision> answer = prompt.submit(() -> ask(terminal, request, token));
            return answer.get(config.pendingTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ApprovalDecision.of(ApprovalDecision.Outcome.TIMED_OUT, "timed out");
        } catch (IOException | ExecutionException e) {
            return ApprovalDecision.denied("the terminal prompt failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApprovalDecision.denied("interrupted");
        } finally {
            prompt.shutdownNow();
        }
    }

    private static ApprovalDecision ask(Terminal terminal, ApprovalRequest req, ApprovalToken token) {
        PrintWriter out = terminal.writer();
        describe(out, req);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            String answer = reader.readLine("Approve? [y] once, [k] keep for this session, [N] deny: ").strip();
            if (!answer.equalsIgnoreCase("y") && !answer.equalsIgnoreCase("k")) {
                String why = reader.readLine("Reason for the denial (optional): ").strip();
                return ApprovalDecision.denied(why.isEmpty() ? "denied by the approver" : why);
            }
            if (req.confirmationRequired()
                    && !reader.readLine("Untrusted source: type 'confirm' to approve anyway: ").strip().equals("confirm")) {
                return ApprovalDecision.of(ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED, "not confirmed");
            }
            if (token != null && !token.matches(reader.readLine("Approval token: ", '*'))) {
                return ApprovalDecision.of(ApprovalDecision.Outcome.SECOND_FACTOR_FAILED, "wrong approval token");
            }
            return ApprovalDecision.approved(answer.equalsIgnoreCase("k"));
        } catch (UserInterruptException | EndOfFileException e) {
            return ApprovalDecision.denied("prompt closed");
        }
    }

    private static void describe(PrintWriter out, ApprovalRequest req) {
        out.println();
        out.println("ClawGuard: privileged command requested (request " + req.id() + ")");
        boolean suspicious = false;
        for (int i = 0; i < req.binding().argv().size(); i++) {
            VisibleText arg = VisibleText.of(req.binding().argv().get(i));
            suspicious |= arg.suspicious();
            out.println("  argv[" + i + "] " + arg.text());
        }
        VisibleText reason = VisibleText.of(req.reason());
        VisibleText session = VisibleText.of(req.binding().sessionId());
        suspicious |= reason.suspicious() || session.suspicious();
        out.println("  binary  " + req.binding().resolvedPath() + (req.useSudo() ? " (through sudo)" : ""));
        out.println("  cwd     " + VisibleText.of(req.binding().cwd()).text());
        out.println("  reason  " + reason.text());
        out.println("  session " + (req.binding().sessionId() == null ? "(none)" : session.text()));
        out.println("  from    uid " + req.requester().uid() + ", pid " + req.requester().pid() + " (" + req.requester().process() + ")");
        if (req.untrusted()) {
            out.println("  !! the request comes from an untrusted content source");
        }
        if (suspicious) {
            out.println("  !! hidden or control characters were made visible above: read them carefully");
        }
        out.flush();
    }
}
