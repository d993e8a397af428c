package io.clawguard.fleet;

import java.util.regex.Pattern;

/**
 * How the console reaches other hosts: the ssh program, an ssh_config file ({@code -F}, null
 * for the user's own), and the {@code clawguard} to run there. That last goes to the remote
 * shell, so it is held to a plain path.
 */
public record SshSettings(String ssh, String config, String remoteClawguard) {
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/._-]+");

    public SshSettings {
        if (!PLAIN_PATH.matcher(remoteClawguard).matches() || remoteClawguard.startsWith("-")) {
            throw new IllegalArgumentException("--remote-clawguard " + remoteClawguard
                    + ": must be a plain path (letters, digits, / . _ -)");
        }
    }
}
