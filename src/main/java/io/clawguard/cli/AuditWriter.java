package io.clawguard.cli;

import io.clawguard.audit.AuditAlarm;
import io.clawguard.audit.AuditLog;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.time.Clock;

/** A command's own writer of the audit log: rotating at the admin's segment size, as the broker does. */
final class AuditWriter {
    private AuditWriter() {
    }

    static AuditLog of(StateHome h, Clock clock) throws IOException {
        try {
            long rotate = GuardConfig.load(h.config(), ProcessIdentity.uid()).auditRotateMegabytes() << 20;
            return new AuditLog(h.auditLog(), clock, rotate, new AuditAlarm());
        } catch (InvalidJsonFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
