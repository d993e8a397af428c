package io.clawguard.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The user this process runs as, as the kernel sees it (the owner of {@code /proc/self}). */
public final class ProcessIdentity {
    private ProcessIdentity() {
    }

    public static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell which user this process runs as", e);
        }
    }
}
