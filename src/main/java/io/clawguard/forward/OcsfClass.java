package io.clawguard.forward;

import io.clawguard.audit.AuditAction;
import java.util.EnumMap;
import java.util.Map;

/**
 * The OCSF class and activity each audit action is sent as (OCSF 1.3.0). The table and the
 * reasons for each row are in {@code references/ocsf-mapping.md}; a test holds the two together.
 */
record OcsfClass(int classUid, String className, int categoryUid, String categoryName, int activityId,
                 String activityName) {
    static final OcsfClass UNKNOWN = base(99, "Other");

    private static final Map<AuditAction, OcsfClass> BY_ACTION = new EnumMap<>(AuditAction.class);

    static {
        put(process(1, "Launch"), AuditAction.EXEC_START, AuditAction.EXEC_FAILED, AuditAction.ARGUMENT_CHANGED,
                AuditAction.EXEC_CHILD);
        put(process(2, "Terminate"), AuditAction.EXEC_FINISH, AuditAction.EXEC_INTERRUPTED, AuditAction.EXEC_UNREPORTED,
                AuditAction.EXEC_CHILD_DENIED);
        put(authorize(1, "Assign Privileges"), AuditAction.APPROVAL_DECISION, AuditAction.APPROVAL_GRANTED,
                AuditAction.APPROVAL_DENIED, AuditAction.APPROVAL_PARTIAL, AuditAction.APPROVAL_TOKEN_FAILED,
                AuditAction.SELF_APPROVAL_REFUSED, AuditAction.UNTRUSTED_SOURCE_BLOCK, AuditAction.SESSION_ID_MISSING,
                AuditAction.POLICY_BLOCK, AuditAction.COMMAND_INVALID, AuditAction.POLICY_FILES_MISSING,
                AuditAction.POLICY_FILE_INVALID, AuditAction.SUDO_BINARY_INVALID, AuditAction.CWD_UNREADABLE,
                AuditAction.REQUEST_FAILED, AuditAction.PEER_REFUSED, AuditAction.PEER_OVERLOADED,
                AuditAction.DISK_LOW_REFUSED, AuditAction.APPROVER_UNREACHABLE);
        put(authorize(99, "Request"), AuditAction.APPROVAL_REQUESTED);
        put(authorize(99, "Revoke Privileges"), AuditAction.DROP_ELEVATION, AuditAction.ELEVATION_EXPIRED);
        put(network(7, "Listen"), AuditAction.PORT_OPENED);
        put(network(2, "Close"), AuditAction.PORT_CLOSED, AuditAction.EGRESS_GONE);
        put(network(1, "Open"), AuditAction.EGRESS_NEW);
        put(finding(1, "Create"), AuditAction.FINDING_RAISED, AuditAction.AUDIT_CHAIN_BROKEN, AuditAction.AUDIT_TORN_LINE);
        put(finding(3, "Close"), AuditAction.FINDING_CLEARED);
        put(new OcsfClass(6002, "Application Lifecycle", 6, "Application Activity", 3, "Start"),
                AuditAction.BROKER_STARTED);
        put(new OcsfClass(6002, "Application Lifecycle", 6, "Application Activity", 4, "Stop"),
                AuditAction.BROKER_STOPPED);
        put(base(99, "Baseline Saved"), AuditAction.BASELINE_SAVED);
        put(base(99, "Log Archived"), AuditAction.AUDIT_ARCHIVED);
        for (AuditAction a : AuditAction.values()) {
            if (!BY_ACTION.containsKey(a)) {
                throw new ExceptionInInitializerError("no OCSF class for " + a);
            }
        }
    }

    static OcsfClass of(AuditAction action) {
        return BY_ACTION.get(action);
    }

    int typeUid() {
        return classUid * 100 + activityId;
    }

    private static void put(OcsfClass c, AuditAction... actions) {
        for (AuditAction a : actions) {
            BY_ACTION.put(a, c);
        }
    }

    private static OcsfClass process(int id, String name) {
        return new OcsfClass(1007, "Process Activity", 1, "System Activity", id, name);
    }

    private static OcsfClass authorize(int id, String name) {
        return new OcsfClass(3003, "Authorize Session", 3, "Identity & Access Management", id, name);
    }

    private static OcsfClass network(int id, String name) {
        return new OcsfClass(4001, "Network Activity", 4, "Network Activity", id, name);
    }

    private static OcsfClass finding(int id, String name) {
        return new OcsfClass(2004, "Detection Finding", 2, "Findings", id, name);
    }

    private static OcsfClass base(int id, String name) {
        return new OcsfClass(0, "Base Event", 0, "Uncategorized", id, name);
    }
}
