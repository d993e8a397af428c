package io.clawguard.cli;

import io.clawguard.files.StateHome;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The {@code --home DIR} / {@code --system} choice every command shares. */
public final class HomeOption {
    static final String DESCRIPTION = "State folder (default: $CLAWGUARD_HOME, else ~/.openclaw/security).";
    static final String SYSTEM_DESCRIPTION = "Use the system layout of a root broker: /etc/clawguard, /var/lib/clawguard,"
            + " /var/log/clawguard, /run/clawguard.";

    @ArgGroup(exclusive = true)
    Choice choice;

    /** Either a flat state folder or the system layout, never both. */
    static final class Choice {
        @Option(names = "--home", paramLabel = "DIR", description = DESCRIPTION)
        Path home;

        @Option(names = "--system", description = SYSTEM_DESCRIPTION)
        boolean system;
    }

    StateHome stateHome() {
        if (choice != null && choice.system) {
            return StateHome.SYSTEM;
        }
        return stateHome(choice == null ? null : choice.home);
    }

    static StateHome stateHome(Path option) {
        return StateHome.resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
