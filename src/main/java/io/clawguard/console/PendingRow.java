package io.clawguard.console;

import io.clawguard.text.VisibleText;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.policy.ShellQuote;
import java.util.List;

/**
 * A pending request as the console shows it: every requester-supplied text made visible,
 * and flagged suspicious when anything had to be escaped. The raw event is kept so an
 * approval names the exact request id and argv that were shown.
 */
public record PendingRow(ApprovalRequested request, List<String> argv, String commandLine, String reason,
                         String sessionId, String cwd, boolean suspicious, List<Integer> flaggedArguments,
                         List<String> approvedBy) {
    /** Past this many arguments the row leads with a summary, so the table shows what it cannot fit. */
    private static final int LONG = 8;

    public static PendingRow of(ApprovalRequested r) {
        List<VisibleText> args = r.argv().stream().map(VisibleText::of).toList();
        VisibleText reason = VisibleText.of(r.reason());
        VisibleText session = VisibleText.of(r.sessionId());
        VisibleText cwd = VisibleText.of(r.cwd());
        boolean suspicious = reason.suspicious() || session.suspicious() || cwd.suspicious()
                || args.stream().anyMatch(VisibleText::suspicious);
        List<String> shown = args.stream().map(VisibleText::text).toList();
        List<Integer> flagged = java.util.stream.IntStream.range(0, args.size()).filter(i -> args.get(i).suspicious())
                .boxed().toList();
        String line = ShellQuote.join(shown);
        if (args.size() > LONG || !flagged.isEmpty()) {
            line = "[" + args.size() + " args" + (flagged.isEmpty() ? "" : ", " + flagged.size() + " flagged") + "] " + line;
        }
        return new PendingRow(r, shown, line, reason.text(), r.sessionId() == null ? "(none)" : session.text(),
                cwd.text(), suspicious, flagged, List.of());
    }

    /** Argument count, total bytes and how many are flagged: what a long request is, at a glance. */
    public String summary() {
        long bytes = request.argv().stream().mapToLong(a -> a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .sum();
        return argv.size() + " argument" + (argv.size() == 1 ? "" : "s") + ", " + bytes + " bytes, "
                + flaggedArguments.size() + " flagged";
    }

    /**
     * The same row after an admin's approval that was not yet enough (the two-person rule). The
     * names come over the admin socket from the broker, so they are escaped like the agent's words.
     */
    public PendingRow approvedBy(List<String> admins) {
        return new PendingRow(request, argv, commandLine, reason, sessionId, cwd, suspicious, flaggedArguments,
                admins.stream().map(a -> VisibleText.of(a).text()).toList());
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

    /** The host that asked, in a console over many hosts (ids are {@code host/id} there); empty otherwise. */
    public String host() {
        String id = request.requestId();
        int slash = id.indexOf('/');
        return slash < 0 ? "" : VisibleText.of(id.substring(0, slash)).text();
    }

    /**
     * The short id shown in the table: the broker's running number of the request, unique
     * while this console runs (the detail view shows the whole id).
     */
    public String shortId() {
        String id = request.requestId();
        // The broker's own number; made visible all the same, since a broker on another host sent it.
        return "#" + VisibleText.of(id.substring(id.lastIndexOf('-') + 1)).text();
    }
}
