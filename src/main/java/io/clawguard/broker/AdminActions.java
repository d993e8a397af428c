package io.clawguard.broker;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.ApprovalDesk;
import io.clawguard.approval.ElevationGate;
import io.clawguard.text.VisibleText;
import io.clawguard.audit.Recordings;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.BaselineReview;
import java.io.IOException;
import java.nio.file.Path;

/** What an attached admin can do, the same for a console in the broker's process and one on the admin socket. */
final class AdminActions {
    private final ApprovalDesk desk;
    private final ElevationGate gate;
    private final BaselineKeeper baseline;
    private final Path auditLog;
    /** A console window holds a screenful many times over; a run's whole output is for replay. */
    static final int SHOWN_BYTES = 256 * 1024;

    AdminActions(ApprovalDesk desk, ElevationGate gate, BaselineKeeper baseline, Path auditLog) {
        this.desk = desk;
        this.gate = gate;
        this.baseline = baseline;
        this.auditLog = auditLog;
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

    /**
     * What run {@code requestId} printed, from its recording, as a console shows it: the
     * command, then the output with every control character written out; at most
     * {@link #SHOWN_BYTES} of it (the rest: {@code clawguard replay}).
     */
    String recording(String requestId) throws IOException {
        StringBuilder text = new StringBuilder();
        Recordings.read(Recordings.file(auditLog, requestId), new Recordings.Sink() {
            @Override
            public void command(String command) {
                text.append("$ ").append(VisibleText.of(command).text()).append('\n');
            }

            @Override
            public void event(double seconds, String code, String out) {
                if (text.length() > SHOWN_BYTES) {
                    return;
                }
                if (code.equals("o")) {
                    text.append(VisibleText.keepingLines(out));
                } else if (code.equals("m")) {
                    text.append("\n[").append(VisibleText.of(out).text()).append("]\n");
                }
                if (text.length() > SHOWN_BYTES) {
                    text.append("\n[… the rest: clawguard replay ").append(requestId).append("]\n");
                }
            }
        });
        return text.toString();
    }

    String saveBaseline(ApprovalDesk.Admin who, BaselineReview review) throws IOException {
        return baseline.save(review, who.name());
    }
}
