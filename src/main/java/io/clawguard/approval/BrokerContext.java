package io.clawguard.approval;

/** What every broker connection shares: the gate, the pending approvals and who may ask. */
public record BrokerContext(ElevationGate gate, PendingApprovals pending, PeerPolicy peers) {
}
