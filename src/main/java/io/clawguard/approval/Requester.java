package io.clawguard.approval;

/**
 * Who asks: uid and pid as the kernel reports them (SO_PEERCRED at the broker), and the
 * requesting process with its parents as the process table names them ("clawguard exec ←
 * bash ← node"), for the approver to see and the audit log to keep.
 */
public record Requester(int uid, long pid, String process) {
}
