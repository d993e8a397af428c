package io.clawguard.compliance;

import io.clawguard.files.UserDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which folder is OpenClaw's state folder, the way OpenClaw itself picks it: {@code --openclaw-dir}
 * first, then {@code OPENCLAW_STATE_DIR}, then {@code ~/.openclaw} of the first configured agent
 * user (a root broker assesses the agent's folder, not root's), then the assessing user's own;
 * in a home without {@code .openclaw}, the first of the names it had as Clawdbot that exists.
 * Never derived from ClawGuard's state folder: {@code --home DIR} says nothing about OpenClaw.
 */
public final class OpenClawHome {
    public static final String ENV = "OPENCLAW_STATE_DIR";

    private OpenClawHome() {
    }

    /** The folder on this host: this process's environment, /etc/passwd and home. */
    public static Path onThisHost(Path option, List<String> agentUsers) {
        List<String> passwd;
        try {
            passwd = Files.readAllLines(Path.of("/etc/passwd"));
        } catch (IOException e) {
            passwd = List.of();
        }
        return resolve(option, System.getenv(), agentUsers, passwd, Path.of(System.getProperty("user.home")));
    }

    public static Path resolve(Path option, Map<String, String> env, List<String> agentUsers, List<String> passwd,
                               Path userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        for (String user : agentUsers) {
            UserDatabase.Account account = UserDatabase.account(user, passwd);
            if (account != null && account.home() != null && !account.home().isBlank()) {
                return in(Path.of(account.home()));
            }
        }
        return in(userHome);
    }

    /** ~/.openclaw, else the legacy folder OpenClaw falls back to when only that exists (its config/paths.ts). */
    private static Path in(Path home) {
        return Stream.of(".openclaw", ".clawdbot", ".moldbot", ".moltbot").map(home::resolve).filter(Files::exists)
                .findFirst().orElse(home.resolve(".openclaw"));
    }
}
