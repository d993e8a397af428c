package io.clawguard.monitor;

import io.clawguard.files.FileFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether an executable is a system program: a regular file owned by root that only root can
 * write, in folders owned by root that only root can write, all the way up. Then a process that
 * runs it and calls itself by its name can be believed; a copy of it in a user's home cannot.
 */
final class SystemProgram {
    private SystemProgram() {
    }

    /** {@code exe} as {@code /proc/<pid>/exe} names it; a deleted or relative one is no system program. */
    static boolean is(Path exe) {
        if (!exe.isAbsolute() || exe.toString().endsWith(" (deleted)")) {
            return false;
        }
        try {
            if (!Files.isRegularFile(exe, LinkOption.NOFOLLOW_LINKS) || !rootsAlone(exe)) {
                return false;
            }
            for (Path dir = exe.getParent(); dir != null; dir = dir.getParent()) {
                if (!rootsAlone(dir)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean rootsAlone(Path p) throws IOException {
        FileFacts f = FileFacts.of(p);
        return f.uid() == 0 && !f.writableByGroupOrOther();
    }
}
