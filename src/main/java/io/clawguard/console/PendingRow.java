package io.clawguard.console;

import io.clawguard.approval.VisibleText;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.policy.ShellQuote;
import java.util.List;

/**
 * A pending request as the console shows it: every requester-supplied text made visible,
 * and flagged suspicious when anything had to be escaped. The raw event is kept so an
 * approval names the exact request id and argv that were shown.
 */
public record PendingRow(ApprovalRequested request, List<String> argv, String commandLine, String reason,
                         String sessionId, String cwd, boolean suspicious, List<String> approvedBy) {

    public static PendingRow of(ApprovalRequested r) {
        List<VisibleText> args = r.argv().stream().map(VisibleText::of).toList();
        VisibleText reason = VisibleText.of(r.reason());
        VisibleText session = VisibleText.of(r.sessionId());
        VisibleText cwd = VisibleText.of(r.cwd());
        boolean suspicious = reason.suspicious() || session.suspicious() || cwd.suspicious()
                || args.stream().anyMatch(VisibleText::suspicious);
        List<String> shown = args.stream().map(VisibleText::text).toList();
        return new PendingRow(r, shown, ShellQuote.join(shown), reason.text(),
                r.sessionId() == null ? "(none)" : session.text(), cwd.text(), suspicious, List.of());
    }

    /** The same row after an admin's approval that was not yet enough (the two-person rule). */
    public PendingRow approvedBy(List<String> admins) {
        return new PendingRow(request, argv, commandLine, reason, sessionId, cwd, suspicious, List.copyOf(admins));
    }

    /** "1 of 2 approvals (by alice (uid 1001))" under the two-person rule; empty otherwise. */
    public String approvals() {
        if (request.approvalsNeeded() < 2) {
            return "";
        }
        return approvedBy.size() + " of " + request.approvalsNeeded() + " approvals"
                + (approvedBy.isEmpty() ? "" : " (by " + String.join(", ", approvedBy) + ")");
    }

    public String id() {
        return request.requestId();
    }

    /**
     * The short id shown in the table: the broker's running number of the request, unique
     * while this console runs (the detail view shows the whole id).
     */
    public String shortId() {
        String id = request.requestId();
        return "#" + id.substring(id.lastIndexOf('-') + 1);
    }
}
