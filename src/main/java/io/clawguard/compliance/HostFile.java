package io.clawguard.compliance;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks' one way to read host configuration (sshd, audit rules, sudoers, doas, polkit, PAM,
 * passwd): through {@link HostFacts#read}, which keeps only a file's start (right for /proc), but
 * only a regular file of at most 4 MiB, so a config swapped for a FIFO, {@code /dev/zero} or a
 * 10 MB file costs the check an error, never the assessment its memory or its time.
 */
final class HostFile {
    /** Far above any honest sshd_config, audit rules or apt.conf part. */
    static final long MAX_BYTES = 4L << 20;

    private HostFile() {
    }

    /** A file that exists but is no text to judge (too large, not a regular file): the check gives error(). */
    static final class Unusable extends IOException {
        private static final long serialVersionUID = 1L;
        private final String file;

        Unusable(String file, String problem) {
            super(problem);
            this.file = file;
        }

        String file() {
            return file;
        }
    }

    /**
     * The text of {@code absolute}; empty when missing; {@link java.nio.file.AccessDeniedException} when
     * root-only; {@link Unusable} when not a regular file or larger than {@link #MAX_BYTES}.
     */
    static Optional<String> read(HostFacts host, String absolute) throws IOException {
        Path p = host.path(absolute);
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new Unusable(absolute, "not a regular file (a device, FIFO or folder is not read)");
        }
        if (Files.exists(p) && Files.size(p) > MAX_BYTES) {
            throw new Unusable(absolute, Files.size(p) + " bytes, over the " + (MAX_BYTES >> 20) + " MiB a config may take");
        }
        return host.read(absolute);
    }

    /**
     * The host paths of {@code folder}'s entries matching {@code glob}, sorted as glob(3) sorts; none when
     * absent; {@link java.nio.file.AccessDeniedException} when root-only (no entries would be a wrong answer).
     */
    static List<String> list(HostFacts host, String folder, String glob) throws java.nio.file.AccessDeniedException {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(host.path(folder), glob)) {
            for (Path e : entries) {
                found.add(folder.replaceAll("/+$", "") + "/" + e.getFileName());
            }
        } catch (java.nio.file.AccessDeniedException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // No such folder, or a pattern Java's glob cannot read: no entries, as glob(3) finds none.
        }
        found.sort(null);
        return found;
    }
}
