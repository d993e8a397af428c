package io.clawguard.elevation;

import java.util.List;

/**
 * What an approval binds to: the exact argv, the program it resolved to, the working folder
 * and the task session id, and who asked. {@code binaryId} and {@code cwdId} are the program's
 * and the folder's device and inode ("dev:ino"), so the same names reaching other files are a
 * different request; a change in any field is a different request.
 */
public record CommandBinding(List<String> argv, String resolvedPath, String cwd, String sessionId, int requesterUid,
                             String binaryId, String cwdId) {
    public CommandBinding {
        argv = List.copyOf(argv);
    }
}
