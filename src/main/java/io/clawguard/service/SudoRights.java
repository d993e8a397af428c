package io.clawguard.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    /**
     * What to tell the admin about {@code sudo -l -U USER}'s answer (in the C locale): a warning
     * when it heads a list of commands ("User NAME may run the following commands"), nothing when
     * it says the user "is not allowed to run sudo", and a warning that nothing could be told from
     * anything else (sudo failed, or answered in a way this does not know): silence would read as
     * "no rights".
     */
    static Optional<String> warning(String user, HostCommand.Result listing) {
        if (listing.output().contains(" may run the following commands")) {
            return Optional.of("WARNING: sudoers lets " + user + " run commands (see sudo -l -U " + user
                    + "); remove them, or the agent can go around ClawGuard");
        }
        if (listing.output().contains(" is not allowed to run sudo")) {
            return Optional.empty();
        }
        return Optional.of("WARNING: could not tell whether sudoers lets " + user + " run commands (sudo -l -U " + user
                + " exited " + listing.exitCode() + ": " + listing.firstLine() + "); check it by hand");
    }
}
