package io.clawguard.approval;

import io.clawguard.json.InvalidJsonFileException;
import java.io.IOException;

/**
 * One privileged request from arrival to end, in the broker: the gate decides, the runner
 * starts exactly what was authorised, and the gate closes the run (audit, drop or keep).
 */
public final class GuardedExecution {
    private final ElevationGate gate;
    private final ApproverFactory approvers;
    private final CommandRunner runner;

    public GuardedExecution(ElevationGate gate, ApproverFactory approvers, CommandRunner runner) {
        this.gate = gate;
        this.approvers = approvers;
        this.runner = runner;
    }

    public ExecOutcome execute(ExecRequest req) {
        Verdict verdict = gate.decide(req, approvers);
        if (verdict instanceof Verdict.Refuse refuse) {
            return ExecOutcome.refused(refuse.exitCode(), refuse.message());
        }
        Verdict.Run run = (Verdict.Run) verdict;
        int code;
        try {
            code = runner.run(run);
        } catch (IOException e) {
            return close(run, null, e.getMessage(), ExecOutcome.refused(ExitCode.DENIED,
                    "not run: " + e.getMessage()));
        }
        return close(run, code, null, ExecOutcome.ran(code));
    }

    private ExecOutcome close(Verdict.Run run, Integer code, String error, ExecOutcome outcome) {
        try {
            gate.finished(run, code, error, runner.recording(run));
            return outcome;
        } catch (IOException | InvalidJsonFileException e) {
            return new ExecOutcome(outcome.exitCode(), "the command ended but closing its elevation failed: "
                    + e.getMessage());
        }
    }
}
