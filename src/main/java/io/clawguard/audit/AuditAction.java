package io.clawguard.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every action the audit log records, by the name it carries in the log. The names are the
 * Python tool's where it had one, so a seed log reads the same; the tone is how the activity
 * pane colours a record of it.
 */
public enum AuditAction {
    APPROVAL_REQUESTED(Tone.WARN),
    APPROVAL_PARTIAL(Tone.WARN),
    /** Coloured by its {@code approved} field instead. */
    APPROVAL_DECISION(Tone.INFO),
    APPROVAL_GRANTED(Tone.GOOD),
    APPROVAL_DENIED(Tone.BAD),
    APPROVAL_TOKEN_FAILED(Tone.BAD),
    APPROVER_UNREACHABLE(Tone.WARN),
    SELF_APPROVAL_REFUSED(Tone.BAD),
    UNTRUSTED_SOURCE_BLOCK(Tone.BAD),

    EXEC_START(Tone.WARN),
    EXEC_CHILD(Tone.INFO),
    EXEC_CHILD_DENIED(Tone.BAD),
    EXEC_FINISH(Tone.INFO),
    EXEC_FAILED(Tone.BAD),
    ARGUMENT_CHANGED(Tone.BAD),
    EXEC_UNREPORTED(Tone.BAD),
    EXEC_INTERRUPTED(Tone.BAD),
    DROP_ELEVATION(Tone.GOOD),
    ELEVATION_EXPIRED(Tone.GOOD),

    SESSION_ID_MISSING(Tone.BAD),
    POLICY_BLOCK(Tone.BAD),
    COMMAND_INVALID(Tone.BAD),
    POLICY_FILES_MISSING(Tone.BAD),
    POLICY_FILE_INVALID(Tone.BAD),
    SUDO_BINARY_INVALID(Tone.BAD),
    CWD_UNREADABLE(Tone.BAD),
    REQUEST_FAILED(Tone.INFO),

    PEER_REFUSED(Tone.BAD),
    PEER_OVERLOADED(Tone.BAD),
    DISK_LOW_REFUSED(Tone.INFO),
    BROKER_STARTED(Tone.INFO),
    BROKER_STOPPED(Tone.INFO),
    AUDIT_TORN_LINE(Tone.BAD),
    AUDIT_CHAIN_BROKEN(Tone.BAD),
    AUDIT_ARCHIVED(Tone.INFO),

    BASELINE_SAVED(Tone.GOOD),
    PORT_OPENED(Tone.WARN),
    PORT_CLOSED(Tone.INFO),
    EGRESS_NEW(Tone.WARN),
    EGRESS_GONE(Tone.INFO),
    FINDING_RAISED(Tone.WARN),
    FINDING_CLEARED(Tone.GOOD);

    /** How a record of the action is coloured. */
    public enum Tone { INFO, GOOD, WARN, BAD }

    private static final Map<String, AuditAction> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::logName, Function.identity()));

    private final Tone tone;

    AuditAction(Tone tone) {
        this.tone = tone;
    }

    /** The {@code action} value in the log and in a {@link io.clawguard.bus.NetworkEvent}. */
    public String logName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A change the network monitor saw (a port, a destination, a finding), not a step of a request. */
    public boolean fromNetworkMonitor() {
        return this == PORT_OPENED || this == PORT_CLOSED || this == EGRESS_NEW || this == EGRESS_GONE
                || this == FINDING_RAISED || this == FINDING_CLEARED;
    }

    public Tone tone() {
        return tone;
    }

    /** The action a record names; empty for one this version does not write (an older tool's, or garbage). */
    public static Optional<AuditAction> named(Object logName) {
        return Optional.ofNullable(logName instanceof String s ? BY_NAME.get(s) : null);
    }

    @Override
    public String toString() {
        return logName();
    }
}
