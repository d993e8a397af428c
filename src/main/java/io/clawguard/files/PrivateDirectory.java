package io.clawguard.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates missing folders as 0700: whatever ClawGuard creates under the state folder is the admin's alone. */
public final class PrivateDirectory {
    private PrivateDirectory() {
    }

    public static void create(Path dir) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
