package io.clawguard.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Room left on the audit log's file system. Below {@code min_free_mb} the broker takes no new
 * request: every request writes records, and a log that cannot be written refuses everything
 * anyway, so a flood is stopped before the disk is full rather than after.
 */
final class DiskRoom {
    private final Path logDir;
    private final long minFreeBytes;

    DiskRoom(Path logDir, long minFreeMegabytes) {
        this.logDir = logDir;
        this.minFreeBytes = minFreeMegabytes * 1024 * 1024;
    }

    /** Null when there is room; otherwise why there is not. A file system that cannot be asked has none. */
    String shortage() {
        try {
            long free = Files.getFileStore(logDir).getUsableSpace();
            return free >= minFreeBytes ? null : logDir + " has " + free / (1024 * 1024) + " MB free, below min_free_mb "
                    + minFreeBytes / (1024 * 1024) + " of clawguard.json";
        } catch (IOException e) {
            return "the free space of " + logDir + " cannot be read: " + e.getMessage();
        }
    }
}
