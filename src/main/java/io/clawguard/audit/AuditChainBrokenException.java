package io.clawguard.audit;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The log does not end where its head file says: records were cut off or the end was
 * rewritten. Appending would chain onto the damage and hide it, so the append is refused,
 * and with it the privileged step the record was to describe.
 */
public final class AuditChainBrokenException extends IOException {
    public AuditChainBrokenException(Path log, String problem) {
        super(log + ": " + problem + "; nothing was written and privileged work is refused until an admin"
                + " runs `clawguard audit verify` and moves the damaged log and its .head file aside as evidence");
    }
}
