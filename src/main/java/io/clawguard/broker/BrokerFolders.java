package io.clawguard.broker;

import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.StateHome;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The broker's folders before it binds: state and log owner-only; the folder holding the
 * sockets searchable by everyone (0711) when other users may connect, so they can reach the
 * sockets without being able to list or read anything beside them.
 */
final class BrokerFolders {
    private BrokerFolders() {
    }

    static void prepare(StateHome home, GuardConfig config) throws IOException {
        for (Path dir : new Path[] {home.dir(), home.logDir(), home.runDir()}) {
            if (!Files.isDirectory(dir)) {
                PrivateDirectory.create(dir);
            }
        }
        boolean shared = config.agentsNamed() || config.adminsNamed();
        if (shared || home.system()) {
            Files.setPosixFilePermissions(home.runDir(), PosixFilePermissions.fromString("rwx--x--x"));
        }
    }
}
