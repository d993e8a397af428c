package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/** A request under the two-person rule got an approval but needs more, from another admin. */
public record ApprovalProgress(String requestId, List<String> approvedBy, int approvalsNeeded, Instant at)
        implements Event {
    public ApprovalProgress {
        approvedBy = List.copyOf(approvedBy);
    }
}
