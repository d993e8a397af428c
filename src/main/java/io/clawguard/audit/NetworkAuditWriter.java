package io.clawguard.audit;

import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every network change the monitors publish to the audit log, so the log tells when
 * a port first opened or a destination first appeared. (Privileged steps are written by
 * the gate itself, before it answers: their write must be able to refuse the request.)
 */
public final class NetworkAuditWriter {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkAuditWriter.class);

    private NetworkAuditWriter() {
    }

    public static void subscribe(EventBus bus, AuditLog log) {
        bus.subscribe(NetworkEvent.class, e -> {
            AuditFields f = AuditFields.fields().subject(e.subject()).detail(e.detail());
            if (e.initial()) {
                f.firstScan();
            }
            AuditAction action = AuditAction.named(e.action()).orElse(null);
            if (action == null) {
                LOG.error("not recording network event with unknown action {}", e.action());
                return;
            }
            try {
                bus.publish(new AuditRecorded(log.append(action, f), e.at()));
            } catch (IOException ex) {
                LOG.error("could not record {} {}", e.action(), e.subject(), ex);
            }
        });
    }
}
