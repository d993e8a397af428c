package io.clawguard.approval;

/**
 * The user a command runs as when a {@code run_as} rule of the admin's policy names one other
 * than root: its ids, its home, and whether the passwd file knows it (so it has groups to load).
 */
public record RunAs(String user, int uid, int gid, String home, boolean named) {
}
