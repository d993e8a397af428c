package io.clawguard.approval;

import io.clawguard.elevation.CommandBinding;
import java.time.Instant;

/**
 * One privileged request waiting for a human: the exact command binding, the requester's
 * reason, and what the approver must know to decide (untrusted source, keep asked for,
 * whether it runs through sudo, who asked).
 */
public record ApprovalRequest(String id, CommandBinding binding, String reason, boolean untrusted,
                              boolean confirmationRequired, boolean keepRequested, boolean useSudo,
                              Requester requester, Instant createdAt) {
}
