package io.clawguard.approval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code clawguard exec} was asked: the argv, the reason, sudo and keep flags, a
 * shorter idle timeout if any (never a longer one), and the working directory.
 */
public record ExecRequest(List<String> argv, String reason, boolean useSudo, boolean keepSession,
                          Duration requestedIdleTimeout, Path cwd) {
    public ExecRequest {
        argv = List.copyOf(argv);
    }
}
