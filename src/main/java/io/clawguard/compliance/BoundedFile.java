package io.clawguard.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file of OpenClaw's whole, within a size: whoever controls the agent can swap it for a
 * FIFO (a read that never ends), /dev/zero (one that never stops) or gigabytes of text.
 */
final class BoundedFile {
    /** Larger than any real config or .env: a bigger file is refused rather than read into memory. */
    static final int MAX_BYTES = 16 << 20;

    private BoundedFile() {
    }

    /** The file is there but is not something to read: not a regular file, or too large. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String problem) {
            super(problem);
        }
    }

    static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            throw new Refused("not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new Refused("larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return bytes;
        }
    }
}
