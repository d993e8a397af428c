package io.clawguard.approval;

import io.clawguard.policy.GuardConfig;

/** Picks the approver once the admin's settings are known (the terminal fallback is opt-in). */
@FunctionalInterface
public interface ApproverFactory {
    Approver forConfig(GuardConfig config);
}
