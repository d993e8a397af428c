package io.clawguard.audit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The audit chain is broken: the log does not end where its head file says (records were cut
 * off or the end rewritten), or a verification found a break. Chaining on as if nothing
 * happened would hide the damage, so the privileged step the record was to describe is
 * refused, and every one after it.
 */
public final class AuditChainBrokenException extends IOException {
    public AuditChainBrokenException(Path log, String problem) {
        super(log + ": " + problem + "; privileged work is refused until an admin runs `clawguard audit verify`,"
                + " keeps the log's files as evidence and moves privileged-audit.jsonl* aside");
    }
}
