package io.clawguard.broker;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.ApprovalDesk;
import io.clawguard.approval.ElevationGate;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.BaselineReview;
import java.io.IOException;

/** What an attached admin can do, the same for a console in the broker's process and one on the admin socket. */
final class AdminActions {
    private final ApprovalDesk desk;
    private final ElevationGate gate;
    private final BaselineKeeper baseline;

    AdminActions(ApprovalDesk desk, ElevationGate gate, BaselineKeeper baseline) {
        this.desk = desk;
        this.gate = gate;
        this.baseline = baseline;
    }

    String decide(ApprovalDesk.Admin who, String requestId, ApprovalDecision decision, String secondFactor) {
        return desk.decide(who, requestId, decision, secondFactor);
    }

    String drop(ApprovalDesk.Admin who) {
        try {
            return gate.dropNow(who.name()) ? "elevation dropped" : "not elevated: nothing to drop";
        } catch (IOException | InvalidJsonFileException e) {
            return "dropping the elevation failed: " + e.getMessage();
        }
    }

    BaselineReview reviewBaseline() throws IOException, InvalidJsonFileException {
        return baseline.review();
    }

    String saveBaseline(ApprovalDesk.Admin who, BaselineReview review) throws IOException {
        return baseline.save(review, who.name());
    }
}
