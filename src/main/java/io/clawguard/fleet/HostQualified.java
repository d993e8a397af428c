package io.clawguard.fleet;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.ApprovalTokenFailed;
import io.clawguard.bus.CommandFinished;
import io.clawguard.bus.CommandStarted;
import io.clawguard.bus.Event;

/**
 * Request ids as a console over many hosts knows them: {@code host/id}. Each host's broker
 * numbers its own requests, so two hosts can use the same id; the host in front is what sends
 * a decision back to the broker that asked. The prefix is always the console's own name for the
 * link the event came in on, whatever the broker put in the id.
 */
final class HostQualified {
    private HostQualified() {
    }

    static String id(String host, String requestId) {
        return host + "/" + requestId;
    }

    /** The host of a qualified id, or null for one without. */
    static String hostOf(String qualified) {
        int slash = qualified.indexOf('/');
        return slash < 0 ? null : qualified.substring(0, slash);
    }

    /** The id the host's broker knows. */
    static String localId(String qualified) {
        return qualified.substring(qualified.indexOf('/') + 1);
    }

    /** The event with its request id qualified by {@code host}; an event about no request, unchanged. */
    static Event of(Event e, String host) {
        if (e instanceof ApprovalRequested r) {
            return new ApprovalRequested(id(host, r.requestId()), r.argv(), r.argvResolved(), r.argvChangeable(),
                    r.folderChangeable(), r.resolvedPath(), r.cwd(), r.sessionId(), r.reason(), r.untrusted(),
                    r.confirmationRequired(), r.keepRequested(), r.useSudo(), r.requesterUid(), r.requesterPid(),
                    r.requesterProcess(), r.runsAs(), r.approvalsNeeded(), r.code(), r.deadline(), r.at());
        }
        if (e instanceof ApprovalProgress p) {
            return new ApprovalProgress(id(host, p.requestId()), p.approvedBy(), p.approvalsNeeded(), p.at());
        }
        if (e instanceof ApprovalDecided d) {
            return new ApprovalDecided(id(host, d.requestId()), d.outcome(), d.keep(), d.reason(), d.at());
        }
        if (e instanceof ApprovalTokenFailed t) {
            return new ApprovalTokenFailed(id(host, t.requestId()), t.at());
        }
        if (e instanceof CommandStarted s) {
            return new CommandStarted(id(host, s.requestId()), s.argv(), s.authorisedBy(), s.at());
        }
        if (e instanceof CommandFinished f) {
            return new CommandFinished(id(host, f.requestId()), f.argv(), f.exitCode(), f.at());
        }
        return e;
    }
}
