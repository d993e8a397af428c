package io.clawguard.approval;

import io.clawguard.files.FileIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One privileged request as the gate receives it: the argv, the reason, sudo and keep
 * flags, a shorter idle timeout if any (never a longer one), the working folder as the kernel
 * named it, its device and inode, and a path that reaches exactly it while the broker holds it
 * open ({@code cwdHandle}, what relative arguments are walked from), the requester's seed environment flags, the locale and terminal variables the
 * command may have ({@code commandEnv}, already checked) and who the requester is.
 */
public record ExecRequest(List<String> argv, String reason, boolean useSudo, boolean keepSession,
                          Duration requestedIdleTimeout, Path cwd, FileIdentity cwdId, Path cwdHandle, ExecEnvironment env,
                          Map<String, String> commandEnv, Requester requester) {
    public ExecRequest {
        argv = List.copyOf(argv);
        commandEnv = Map.copyOf(commandEnv);
    }
}
