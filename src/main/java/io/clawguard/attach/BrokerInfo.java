package io.clawguard.attach;

/**
 * What a console shows about the broker it is attached to: the host, whether the agent is kept
 * apart (a separated install) or shares the admin's user, and whether approvals need a second
 * factor (asked for by the console, checked by the broker).
 */
public record BrokerInfo(String host, boolean separated, boolean secondFactorRequired) {
}
