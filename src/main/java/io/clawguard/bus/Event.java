package io.clawguard.bus;

import java.time.Instant;

/**
 * Everything that happens in ClawGuard, as immutable records on the {@link EventBus}.
 * Events carry plain values only, so the bus depends on no other layer.
 */
public sealed interface Event permits ApprovalRequested, ApprovalProgress, ApprovalDecided, ApprovalTokenFailed, CommandStarted,
        CommandFinished, ElevationChanged, AuditRecorded, Tick, NetworkChanged, NetworkEvent, ScorecardChanged,
        ForwardingChanged, HostsChanged {
    /** When it happened. */
    Instant at();
}
