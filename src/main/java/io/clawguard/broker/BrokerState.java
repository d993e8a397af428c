package io.clawguard.broker;

import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.audit.AuditFields;
import io.clawguard.audit.AuditTail;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import io.clawguard.monitor.NetworkMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's state as a console attaching now must see it, as events: the elevation, the
 * tail of the audit log, the last network picture, scorecard and forwarding state, and every
 * pending request with the approvals it has. It keeps the last of each as they are published.
 */
final class BrokerState {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerState.class);
    private static final int AUDIT_LINES = 50;

    private final ElevationGate gate;
    private final PendingApprovals pending;
    private final Path auditLog;
    private final Optional<NetworkMonitor> network;
    private final Clock clock;
    private volatile NetworkChanged lastNetwork;
    private volatile ScorecardChanged lastScorecard;
    private volatile ForwardingChanged lastForwarding;

    BrokerState(EventBus bus, ElevationGate gate, PendingApprovals pending, Path auditLog,
                Optional<NetworkMonitor> network, Clock clock) {
        this.gate = gate;
        this.pending = pending;
        this.auditLog = auditLog;
        this.network = network;
        this.clock = clock;
        bus.subscribe(NetworkChanged.class, n -> lastNetwork = n);
        bus.subscribe(ScorecardChanged.class, c -> lastScorecard = c);
        bus.subscribe(ForwardingChanged.class, f -> lastForwarding = f);
    }

    Optional<NetworkMonitor> network() {
        return network;
    }

    List<Event> snapshot() {
        List<Event> events = new ArrayList<>();
        try {
            events.add(gate.currentState());
        } catch (InvalidJsonFileException e) {
            LOG.error("cannot read the elevation state", e);
        }
        auditTail(events);
        if (lastNetwork != null) {
            events.add(lastNetwork);
        }
        if (lastScorecard != null) {
            events.add(lastScorecard);
        }
        if (lastForwarding != null) {
            events.add(lastForwarding);
        }
        for (PendingApprovals.Pending p : pending.snapshot()) {
            events.add(PendingApprovals.requested(p.request(), p.deadline()));
            if (!p.approvedBy().isEmpty()) {
                events.add(new ApprovalProgress(p.request().id(), p.approvedBy(), p.request().approvalsNeeded(),
                        clock.instant()));
            }
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private void auditTail(List<Event> events) {
        try {
            for (String line : new AuditTail(auditLog).last(AUDIT_LINES)) {
                if (JsonValues.parse(line) instanceof Map<?, ?> record) {
                    events.add(new AuditRecorded((Map<String, Object>) record, clock.instant()));
                }
            }
        } catch (IOException e) {
            LOG.warn("the audit log's tail cannot be read for a console", e);
        }
    }

    void expireIfIdle() {
        try {
            gate.expireIfIdle();
        } catch (IOException | InvalidJsonFileException e) {
            LOG.error("the elevation timer could not check the session", e);
        }
    }

    static AuditFields startFields(StateHome home, int uid) {
        return AuditFields.fields().process(uid, ProcessHandle.current().pid())
                .sockets(home.agentSocket().toString(), home.adminSocket().toString());
    }
}
