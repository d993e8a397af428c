package io.clawguard.approval;

import io.clawguard.elevation.CommandBinding;
import io.clawguard.files.FileIdentity;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.policy.CommandPolicy;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.InterpreterUse;
import io.clawguard.policy.PromptPolicy;
import java.util.List;

/**
 * A request that passed every check that needs no human: the binding an approval would
 * cover, the argv that would run, the identity of the program it resolved to, the account a
 * {@code run_as} rule names (null for root) and who it runs as in words, the admin's settings,
 * and how many different admins must approve it.
 */
record ScreenedRequest(CommandBinding binding, List<String> runArgv, FileIdentity binary, RunAs runAs, String runsAs,
                       GuardConfig config, PromptPolicy prompt, int approvalsNeeded, ExecEnvironment env,
                       InterpreterUse interpreter, List<BoundScript> scripts, CommandPolicy policy) {
    ScreenedRequest {
        scripts = List.copyOf(scripts);
    }

    /** What the console shows of the code an interpreter is handed. */
    ApprovalRequested.Code code() {
        return new ApprovalRequested.Code(interpreter.inlineCode(), scripts.stream().map(BoundScript::shown).toList(),
                scripts.stream().map(BoundScript::text).toList(), interpreter.notes());
    }

    /**
     * Never served from a session: a request that hands an interpreter code, under
     * strict_inline_eval (the default). Such a request is never kept for one, whatever the setting.
     */
    boolean askEveryTime() {
        return interpreter.any() && config.strictInlineEval();
    }
}
