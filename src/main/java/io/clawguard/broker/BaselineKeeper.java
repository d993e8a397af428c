package io.clawguard.broker;

import io.clawguard.approval.AuditTrail;
import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineProposal;
import io.clawguard.monitor.BaselineReview;
import io.clawguard.monitor.BaselineStore;
import io.clawguard.monitor.SocketCollector;
import java.io.IOException;
import java.time.Clock;

/**
 * The approved-ports baseline as consoles review it: proposed from what the broker sees
 * listening now (or the existing file's rules), and saved by the broker, which owns the file,
 * with a backup and an audit record.
 */
final class BaselineKeeper {
    private final StateHome home;
    private final SocketCollector collector;
    private final AuditTrail audit;
    private final Clock clock;

    BaselineKeeper(StateHome home, SocketCollector collector, AuditTrail audit, Clock clock) {
        this.home = home;
        this.collector = collector;
        this.audit = audit;
        this.clock = clock;
    }

    BaselineReview review() throws IOException, InvalidJsonFileException {
        if (collector == null) {
            throw new IOException("this broker does not watch the network");
        }
        return new BaselineReview(BaselineKind.PORTS, BaselineProposal.of(BaselineKind.PORTS, home.approvedPorts(),
                collector.collect()));
    }

    String save(BaselineReview review, String by) throws IOException {
        if (review.kind() != BaselineKind.PORTS) {
            throw new IOException("only the approved-ports baseline is reviewed from a console");
        }
        BaselineStore.Change change = BaselineStore.save(home.approvedPorts(), review.items(), clock.instant());
        audit.append(AuditAction.BASELINE_SAVED, AuditFields.copyOf(change.auditFields()).by(by));
        return "baseline saved: " + review.kept() + " rules (+" + change.added().size() + " -" + change.removed().size()
                + ")";
    }
}
