package io.clawguard.approval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An approver that answers with scripted decisions and remembers what it was asked. */
final class ScriptedApprover implements Approver {
    final List<ApprovalRequest> asked = new ArrayList<>();
    private final Deque<ApprovalDecision> answers = new ArrayDeque<>();
    private boolean reachable = true;
    private Runnable whileAsked = () -> { };

    ScriptedApprover answer(ApprovalDecision decision) {
        answers.add(decision);
        return this;
    }

    /** Runs while the admin reads the request: what a racing agent would do meanwhile. */
    ScriptedApprover whileAsked(Runnable meanwhile) {
        whileAsked = meanwhile;
        return this;
    }

    ScriptedApprover unreachable() {
        reachable = false;
        return this;
    }

    @Override
    public ApprovalDecision decide(ApprovalRequest request) throws ApproverUnavailableException {
        asked.add(request);
        whileAsked.run();
        if (!reachable) {
            throw new ApproverUnavailableException("no approver reachable (test)");
        }
        if (answers.isEmpty()) {
            throw new AssertionError("the approver was asked more often than the test expected");
        }
        return answers.poll();
    }
}
