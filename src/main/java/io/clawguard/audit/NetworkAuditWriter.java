package io.clawguard.audit;

import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.NetworkEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every network change the monitors publish to the audit log, so the log tells when
 * a port first opened or a destination first appeared. A scan's changes are written together,
 * a batch of at most {@link #BATCH} records under one hold of the log's lock and one fsync:
 * during a flood of ports opening and closing, a request's own record waits behind one batch,
 * not behind a thousand fsyncs. (Privileged steps are written by the gate itself, before it
 * answers: their write must be able to refuse the request.)
 */
public final class NetworkAuditWriter {
    static final int BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(NetworkAuditWriter.class);

    private final EventBus bus;
    private final AuditLog log;
    private final List<NetworkEvent> pending = new ArrayList<>();

    private NetworkAuditWriter(EventBus bus, AuditLog log) {
        this.bus = bus;
        this.log = log;
    }

    /** Records each scan's changes once the scan has published them all (its {@link NetworkChanged}). */
    public static void subscribe(EventBus bus, AuditLog log) {
        NetworkAuditWriter writer = new NetworkAuditWriter(bus, log);
        bus.subscribe(NetworkEvent.class, writer::add);
        bus.subscribe(NetworkChanged.class, e -> writer.flush());
    }

    private synchronized void add(NetworkEvent e) {
        if (AuditAction.named(e.action()).isEmpty()) {
            LOG.error("not recording network event with unknown action {}", e.action());
            return;
        }
        pending.add(e);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<AuditLog.Entry> entries = new ArrayList<>(pending.size());
        for (NetworkEvent e : pending) {
            AuditFields f = AuditFields.fields().subject(e.subject()).detail(e.detail());
            if (e.initial()) {
                f.firstScan();
            }
            entries.add(new AuditLog.Entry(AuditAction.named(e.action()).orElseThrow(), f.asMap()));
        }
        List<NetworkEvent> batch = List.copyOf(pending);
        pending.clear();
        try {
            List<Map<String, Object>> records = log.appendAll(entries);
            for (int i = 0; i < records.size(); i++) {
                bus.publish(new AuditRecorded(records.get(i), batch.get(i).at()));
            }
        } catch (IOException ex) {
            LOG.error("could not record {} network changes, the first {} {}", batch.size(), batch.get(0).action(),
                    batch.get(0).subject(), ex);
        }
    }
}
