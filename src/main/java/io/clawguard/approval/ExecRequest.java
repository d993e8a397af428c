package io.clawguard.approval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One privileged request as the gate receives it: the argv, the reason, sudo and keep
 * flags, a shorter idle timeout if any (never a longer one), the working directory, the
 * requester's seed environment flags and who the requester is.
 */
public record ExecRequest(List<String> argv, String reason, boolean useSudo, boolean keepSession,
                          Duration requestedIdleTimeout, Path cwd, ExecEnvironment env, Requester requester) {
    public ExecRequest {
        argv = List.copyOf(argv);
    }
}
