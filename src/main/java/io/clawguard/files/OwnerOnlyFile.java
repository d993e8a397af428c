package io.clawguard.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Checks that a file which loosens or holds a security setting (the config, a token) can
 * only have been written by the admin: owned by the current user or root, and not writable
 * by anyone else. A file that fails is refused, never used.
 */
public final class OwnerOnlyFile {
    private OwnerOnlyFile() {
    }

    /** Returns why {@code facts} may not be trusted, or null when it may. */
    public static String problem(FileFacts facts, int currentUid, boolean secret) {
        if (!facts.regularFile()) {
            return facts.path() + " is not a regular file";
        }
        if (facts.uid() != currentUid && facts.uid() != 0) {
            return facts.path() + " is owned by uid " + facts.uid() + ", not by you (uid " + currentUid + ") or root";
        }
        if (facts.writableByGroupOrOther()) {
            return facts.path() + " is writable by group or others (mode " + facts.octalMode() + "); run chmod go-w on it";
        }
        if (secret && facts.readableByGroupOrOther()) {
            return facts.path() + " holds a secret but is readable by group or others (mode " + facts.octalMode()
                    + "); run chmod 600 on it";
        }
        return null;
    }

    /** Throws with the problem when the file at {@code path} may not be trusted. */
    public static void check(Path path, int currentUid, boolean secret) throws IOException {
        String problem = problem(FileFacts.of(path), currentUid, secret);
        if (problem != null) {
            throw new IOException(problem);
        }
    }
}
