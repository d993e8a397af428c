package io.clawguard.files;

import java.nio.file.Path;
import java.util.Map;

/**
 * The state folder ({@code ~/.openclaw/security} unless {@code --home} or
 * {@code CLAWGUARD_HOME} says otherwise) and the names of the files in it.
 */
public record StateHome(Path dir) {
    public static final String ENV_HOME = "CLAWGUARD_HOME";

    public StateHome {
        dir = dir.toAbsolutePath().normalize();
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

    /** The OpenClaw folder that holds the state folder ({@code ~/.openclaw}). */
    public Path openclawDir() {
        Path parent = dir.getParent();
        return parent == null ? dir : parent;
    }

    public Path config() {
        return dir.resolve("clawguard.json");
    }

    public Path commandPolicy() {
        return dir.resolve("command-policy.json");
    }

    public Path promptPolicy() {
        return dir.resolve("prompt-policy.json");
    }

    public Path approvedPorts() {
        return dir.resolve("approved_ports.json");
    }

    public Path egressAllowlist() {
        return dir.resolve("egress_allowlist.json");
    }

    public Path elevationState() {
        return dir.resolve("root-session-state.json");
    }

    public Path auditLog() {
        return dir.resolve("privileged-audit.jsonl");
    }

    public Path brokerSocket() {
        return dir.resolve("clawguard.sock");
    }

    /** The statuses of the last assessment, to notice what got worse. */
    public Path complianceState() {
        return dir.resolve("compliance-state.json");
    }

    /** The notification command: {@code {"command": [argv…]}}. */
    public Path notifyConfig() {
        return dir.resolve("notify.json");
    }

    /** Where the sudo shim goes: {@code ~/.openclaw/bin}. */
    public Path shimDir() {
        return openclawDir().resolve("bin");
    }

    public Path logFile() {
        return openclawDir().resolve("logs").resolve("clawguard.log");
    }
}
