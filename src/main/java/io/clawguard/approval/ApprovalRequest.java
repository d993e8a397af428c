package io.clawguard.approval;

import io.clawguard.bus.ApprovalRequested;
import io.clawguard.elevation.CommandBinding;
import java.time.Instant;
import java.util.List;

/**
 * One privileged request waiting for a human: the exact command binding, the requester's
 * reason, and what the approver must know to decide (untrusted source, keep asked for,
 * whether it runs through sudo, who asked, where the path arguments lead and which of them the
 * requester can change before the command runs (and whether it can add files to the working
 * folder, where any name the command opens could be planted), who it runs as, and how many different admins
 * must approve).
 */
public record ApprovalRequest(String id, CommandBinding binding, String reason, boolean untrusted,
                              boolean confirmationRequired, boolean keepRequested, boolean useSudo,
                              Requester requester, List<String> argvResolved, List<Integer> argvChangeable,
                              boolean folderChangeable, String runsAs,
                              int approvalsNeeded, ApprovalRequested.Code code,
                              Instant createdAt) {
    public ApprovalRequest {
        argvResolved = List.copyOf(argvResolved);
        argvChangeable = List.copyOf(argvChangeable);
    }
}
