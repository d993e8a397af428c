package io.clawguard.elevation;

import java.util.List;

/**
 * What an approval binds to: the exact argv, the program it resolved to, the working
 * directory and the task session id. A change in any of them is a different request.
 */
public record CommandBinding(List<String> argv, String resolvedPath, String cwd, String sessionId) {
    public CommandBinding {
        argv = List.copyOf(argv);
    }
}
