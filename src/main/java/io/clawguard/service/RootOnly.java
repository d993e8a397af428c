package io.clawguard.service;

import java.util.Optional;

/** Changing the system is root's job: the check made before anything else. */
public final class RootOnly {
    private RootOnly() {
    }

    /** Why a process of {@code uid} may not run {@code clawguard COMMAND}; empty for root. */
    public static Optional<String> refusal(int uid, String command) {
        if (uid == 0) {
            return Optional.empty();
        }
        return Optional.of("clawguard " + command + ": must run as root (this process is uid " + uid
                + "); run it as root, or add --dry-run to only see the steps");
    }
}
