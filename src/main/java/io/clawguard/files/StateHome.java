package io.clawguard.files;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ClawGuard keeps its files. The flat layout ({@code --home DIR}, {@code CLAWGUARD_HOME},
 * default {@code ~/.openclaw/security}) holds config, policies, state, audit log and sockets
 * directly in one seed-compatible folder. The system layout ({@code --system}) splits them the
 * way a root service does: {@code /etc/clawguard} (config and policy), {@code /var/lib/clawguard}
 * (state), {@code /var/log/clawguard} (audit log), {@code /run/clawguard} (sockets).
 */
public record StateHome(Path dir, Path configDir, Path logDir, Path runDir, boolean system) {
    public static final String ENV_HOME = "CLAWGUARD_HOME";
    public static final StateHome SYSTEM = new StateHome(Path.of("/var/lib/clawguard"), Path.of("/etc/clawguard"),
            Path.of("/var/log/clawguard"), Path.of("/run/clawguard"), true);

    public StateHome {
        dir = dir.toAbsolutePath().normalize();
        configDir = configDir.toAbsolutePath().normalize();
        logDir = logDir.toAbsolutePath().normalize();
        runDir = runDir.toAbsolutePath().normalize();
    }

    /** The flat, seed-compatible layout: everything in {@code dir}. */
    public StateHome(Path dir) {
        this(dir, dir, dir, dir, false);
    }

    /** {@code --home} first, then {@code CLAWGUARD_HOME}, then the default under the user's home. */
    public static StateHome resolve(Path option, Map<String, String> env, Path userHome) {
        if (option != null) {
            return new StateHome(option);
        }
        String fromEnv = env.get(ENV_HOME);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new StateHome(Path.of(fromEnv));
        }
        return new StateHome(userHome.resolve(".openclaw").resolve("security"));
    }

    public Path config() {
        return configDir.resolve("clawguard.json");
    }

    public Path commandPolicy() {
        return configDir.resolve("command-policy.json");
    }

    public Path promptPolicy() {
        return configDir.resolve("prompt-policy.json");
    }

    public Path approvedPorts() {
        return configDir.resolve("approved_ports.json");
    }

    public Path egressAllowlist() {
        return configDir.resolve("egress_allowlist.json");
    }

    /** The notification command: {@code {"command": [argv…]}}. */
    public Path notifyConfig() {
        return configDir.resolve("notify.json");
    }

    public Path elevationState() {
        return dir.resolve("root-session-state.json");
    }

    /** The statuses of the last assessment, to notice what got worse. */
    public Path complianceState() {
        return dir.resolve("compliance-state.json");
    }

    public Path auditLog() {
        return logDir.resolve("privileged-audit.jsonl");
    }

    /** Where {@code clawguard exec} asks: reachable by the agent users. */
    public Path agentSocket() {
        return runDir.resolve("agent.sock");
    }

    /** Where consoles attach: reachable by the admins. */
    public Path adminSocket() {
        return runDir.resolve("admin.sock");
    }

    /**
     * Where the sudo shim goes: {@code bin} inside the state folder the admin chose (so
     * {@code --home DIR} keeps it in DIR), or for the system broker a root-owned folder the
     * agent puts first on its PATH.
     */
    public Path shimDir() {
        return system ? Path.of("/usr/local/lib/clawguard/bin") : dir.resolve("bin");
    }

    /** ClawGuard's own log: {@code logs} inside the state folder, or {@code /var/log/clawguard} for the system. */
    public Path logFile() {
        return system ? logDir.resolve("clawguard.log") : dir.resolve("logs").resolve("clawguard.log");
    }
}
