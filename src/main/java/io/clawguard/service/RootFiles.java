package io.clawguard.service;

import io.clawguard.files.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file work of the install, in folders only root can write: every folder and file it makes
 * ends owned by root:root with exactly the mode asked for, whatever the umask, and no symbolic
 * link is ever followed.
 */
final class RootFiles {
    private RootFiles() {
    }

    static void folder(Path dir, String mode) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException(dir + " is a symbolic link; the install needs a real folder there: remove the link");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        own(dir, mode);
    }

    /**
     * Writes a whole file. A file that is replaced is renamed over, never rewritten in place: a
     * broker still running from an old jar keeps reading the old bytes instead of crashing.
     */
    static void write(Path file, byte[] content, String mode) throws IOException {
        AtomicFile.write(file, content, AtomicFile.OWNER_ONLY);
        own(file, mode);
    }

    /** Deletes a folder and what it holds, links as links; false when there was nothing. */
    static boolean deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(dir)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : deepestFirst) {
            Files.delete(p);
        }
        return true;
    }

    private static void own(Path path, String mode) throws IOException {
        Files.setAttribute(path, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
        // Made owner-only, given its mode once it is root's: never wider than meant, and never narrowed by the umask.
        Files.setAttribute(path, "unix:mode", Integer.parseInt(mode, 8), LinkOption.NOFOLLOW_LINKS);
    }
}
