package io.clawguard.approval;

import io.clawguard.elevation.CommandBinding;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.PromptPolicy;
import java.util.List;

/**
 * A request that passed every check that needs no human: the binding an approval would
 * cover, the argv that would run (through sudo if asked), and the admin's settings.
 */
record ScreenedRequest(CommandBinding binding, List<String> runArgv, GuardConfig config, PromptPolicy prompt) {
}
