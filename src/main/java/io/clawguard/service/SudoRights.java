package io.clawguard.service;

import java.nio.file.Path;
import java.util.List;

/**
 * Whether sudoers lets a user run anything, from what {@code sudo -l -U USER} prints. The agent
 * of the separated install must have no sudo rights: with them it could go around the broker.
 */
final class SudoRights {
    static final Path SUDO = Path.of("/usr/bin/sudo");

    private SudoRights() {
    }

    static List<String> listing(String user) {
        return List.of(SUDO.toString(), "-l", "-U", user);
    }

    /** sudo (in the C locale) heads the commands a user may run with "User NAME may run the following commands". */
    static boolean grantsCommands(String listingOutput) {
        return listingOutput.contains(" may run the following commands");
    }
}
