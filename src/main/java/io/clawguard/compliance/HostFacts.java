package io.clawguard.compliance;

import java.nio.file.Path;
import java.util.List;

/** What the checks need to know about the host beyond the state folder; tests pass made-up facts. */
public interface HostFacts {
    /** The uids OpenClaw processes run as now; empty when none runs. */
    List<Integer> agentUids();

    /** Whether a console answers on the broker socket. */
    boolean brokerReachable(Path socket);

    /** The PATH the agent runs with (its process environment when readable, else this process's). */
    String agentPath();

    /** sudoers lines granting NOPASSWD. */
    List<String> nopasswdRules();

    /** su, doas or pkexec usable by any user (not restricted to a group). */
    List<String> unrestrictedEscalators();
}
