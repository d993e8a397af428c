package io.clawguard.console;

import io.clawguard.text.VisibleText;
import io.clawguard.bus.ApprovalRequested;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The detail view of one request: every argv element on its own line, nothing truncated. */
final class RequestDetail {
    private RequestDetail() {
    }

    static List<String> lines(PendingRow row, Instant now) {
        ApprovalRequested r = row.request();
        List<String> out = new ArrayList<>();
        out.add("request   " + VisibleText.of(r.requestId()).text());
        if (!row.host().isEmpty()) {
            out.add("host      " + row.host() + "  (the decision goes to this host's broker)");
        }
        out.add("summary   " + row.summary());
        List<Integer> flagged = row.flaggedArguments();
        if (!flagged.isEmpty()) {
            // The flagged arguments first: a long argv must not hide its dangerous tail.
            out.add("flagged   " + flagged.size() + " argument" + (flagged.size() == 1 ? "" : "s") + ":");
            for (int i : flagged) {
                out.add(String.format("  [%d] %s", i, row.argv().get(i)));
            }
        }
        if (row.suspicious()) {
            out.add("!! SUSPICIOUS: hidden or control characters are written out below (\\x.., \\u....), and look-alike"
                    + " letters or dashes are marked ◀");
        }
        if (r.untrusted()) {
            out.add("!! UNTRUSTED SOURCE: the agent acted on untrusted content"
                    + (r.confirmationRequired() ? "; approving takes a second confirmation" : ""));
        }
        out.add("argv      (" + row.argv().size() + (row.argv().size() == 1 ? " element" : " elements") + ", exactly as they will run)");
        for (int i = 0; i < row.argv().size(); i++) {
            String resolved = i < r.argvResolved().size() ? r.argvResolved().get(i) : "";
            boolean marked = flagged.contains(i);
            out.add(String.format("  [%d] %s", i, row.argv().get(i))
                    + (resolved.isEmpty() ? "" : "   → " + VisibleText.of(resolved).text()) + (marked ? "  ◀" : "")
                    + (r.argvChangeable().contains(i) ? "  ⚠ uid " + r.requesterUid() + " can change what this names" : ""));
        }
        if (r.folderChangeable()) {
            out.add("  ⚠ the working folder is uid " + r.requesterUid() + "'s to write: any file name the command opens"
                    + " there can be planted or swapped, marked or not");
        }
        if (!r.argvChangeable().isEmpty()) {
            out.add("  ⚠ a folder on the way is the requester's to write: it can swap what those arguments name. The"
                    + " broker refuses the command if they lead elsewhere once you decide, but not while it runs.");
        }
        code(r.code(), out);
        out.add("binary    " + VisibleText.of(r.resolvedPath()).text()
                + (r.useSudo() ? "  (through sudo)" : ""));
        out.add("runs as   " + VisibleText.of(r.runsAs()).text());
        out.add("cwd       " + row.cwd());
        out.add("reason    " + row.reason());
        out.add("session   " + row.sessionId());
        if (!row.approvals().isEmpty()) {
            out.add("approvals " + row.approvals() + ": two different admins must approve");
        }
        out.add("keep      " + (r.code().any() ? "never: an interpreter handed code runs once (A acts as a)"
                : r.keepRequested() ? "requested by the agent (A keeps, a runs once)" : "not requested"));
        out.add("requester uid " + r.requesterUid() + ", pid " + r.requesterPid() + " (the kernel's word)");
        out.add("  asked by " + VisibleText.of(r.requesterProcess()).text() + "  (names as the processes call themselves)");
        out.add("age       " + Fit.clock(Duration.between(r.at(), now)) + "  (denied as timed out in "
                + Fit.clock(Duration.between(now, r.deadline())) + ")");
        return out;
    }

    /**
     * The code an interpreter is handed, line by line as it will run: each line made visible
     * (escapes written out), none wrapped into the next, and numbered so a line that goes on past
     * the screen's edge is still one line.
     */
    /** Code as it will run: split where an interpreter splits, on LF only (a CR stays, written out as \r). */
    private static void numbered(String heading, String code, List<String> out) {
        List<String> lines = List.of(code.split("\n", -1));
        out.add(heading + " (" + lines.size() + (lines.size() == 1 ? " line" : " lines") + ", "
                + code.getBytes(StandardCharsets.UTF_8).length + " bytes):");
        for (int i = 0; i < lines.size(); i++) {
            out.add(String.format("  %3d │ %s", i + 1, VisibleText.of(lines.get(i)).text()));
        }
    }

    private static void code(ApprovalRequested.Code code, List<String> out) {
        if (!code.any()) {
            return;
        }
        out.add("X INTERPRETER: this runs code, not one fixed program; it is never kept for the session");
        for (String inline : code.inline()) {
            numbered("inline code", inline, out);
        }
        for (int i = 0; i < code.scripts().size(); i++) {
            out.add("script    " + VisibleText.of(code.scripts().get(i)).text());
            numbered("  the broker runs its copy of these bytes", code.scriptText().get(i), out);
        }
        for (String note : code.notes()) {
            out.add("  ⚠ " + VisibleText.of(note).text());
        }
    }
}
