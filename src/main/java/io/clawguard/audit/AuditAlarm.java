package io.clawguard.audit;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Raised once this process has seen the audit chain broken (an append found the log's end
 * disagreeing with its head, or a verification found a break), and never lowered while the
 * process runs: from then on every append still records, then refuses the step it records.
 * Shared by every writer of one log in a process, so none of them papers over the break.
 */
public final class AuditAlarm {
    private final AtomicReference<String> reason = new AtomicReference<>();

    /** Keeps the first reason: the first break seen is the one to investigate. */
    public void raise(String why) {
        reason.compareAndSet(null, why);
    }

    /** Why the chain is broken, or null while it is not known to be. */
    public String reason() {
        return reason.get();
    }
}
