package io.clawguard.approval;

import io.clawguard.elevation.CommandBinding;
import io.clawguard.files.FileIdentity;
import io.clawguard.policy.CommandPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gate's answer to one privileged request: run this exact argv, or refuse with an exit code. */
public sealed interface Verdict {
    /**
     * Authorised: {@code exec_start} is already on disk. The broker starts {@code runArgv}
     * (whose program must still be {@code binary}), as {@code runAs} where the policy names a user
     * other than root (null: root), with {@code commandEnv} added to the
     * environment it builds, and closes the run when it ends, after which {@code after} decides
     * what happens to the elevation ({@code configuredTimeout} is the admin's idle timeout when
     * the request was decided; {@code policy} holds its {@code deny_children} rules).
     */
    record Run(String requestId, List<String> runArgv, CommandBinding binding, FileIdentity binary, RunAs runAs,
               Map<String, String> commandEnv, boolean useSudo, AfterCommand after, Duration configuredTimeout,
               CommandPolicy policy) implements Verdict {
        public Run {
            runArgv = List.copyOf(runArgv);
            commandEnv = Map.copyOf(commandEnv);
        }
    }

    /** Refused before anything ran. */
    record Refuse(int exitCode, String message) implements Verdict {
    }

    /** What happens to the elevation once the command ends. */
    enum AfterCommand {
        /** Approved for the task session: stays, idle clock restarts. */
        KEEP_SESSION,
        /** Approved once: this run's entry goes, and the elevation with it if nothing else is left. */
        DROP_ONCE,
        /** A session run the requester did not ask to keep: the whole elevation is dropped. */
        DROP_ALL
    }
}
