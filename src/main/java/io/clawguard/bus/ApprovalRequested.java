package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/**
 * A privileged request now waits for a human. Every text field is as the requester sent
 * it; the console makes it visible before showing it. {@code argvResolved} holds, per argv
 * element, where the path it names leads, symlinks followed (or "": not a path, or an absolute
 * one that leads where it says); {@code argvChangeable} the indexes of those the requester can
 * change before the command runs, and {@code folderChangeable} whether it can add files to the
 * working folder;
 * {@code runsAs} says who the command runs as; {@code approvalsNeeded} is 2 under the two-person rule.
 */
public record ApprovalRequested(String requestId, List<String> argv, List<String> argvResolved,
                                List<Integer> argvChangeable, boolean folderChangeable, String resolvedPath,
                                String cwd, String sessionId, String reason, boolean untrusted,
                                boolean confirmationRequired, boolean keepRequested, boolean useSudo, int requesterUid,
                                long requesterPid, String requesterProcess, String runsAs, int approvalsNeeded,
                                Instant deadline, Instant at) implements Event {
    public ApprovalRequested {
        argv = List.copyOf(argv);
        argvResolved = List.copyOf(argvResolved);
        argvChangeable = argvChangeable == null ? List.of() : List.copyOf(argvChangeable);
    }
}
