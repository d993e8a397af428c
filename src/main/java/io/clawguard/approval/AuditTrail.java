package io.clawguard.approval;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.audit.AuditLog;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.EventBus;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * Writes a security record durably, then tells the bus. The write is a step of the request,
 * not a bus subscriber: a failed write must refuse the request, and the bus deliberately
 * swallows a subscriber's failure.
 */
public final class AuditTrail {
    private final AuditLog log;
    private final EventBus bus;
    private final Clock clock;

    public AuditTrail(AuditLog log, EventBus bus, Clock clock) {
        this.log = log;
        this.bus = bus;
        this.clock = clock;
    }

    public Map<String, Object> append(AuditAction action, AuditFields fields) throws IOException {
        Map<String, Object> record = log.append(action, fields);
        bus.publish(new AuditRecorded(record, clock.instant()));
        return record;
    }
}
