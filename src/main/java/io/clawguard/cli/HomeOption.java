package io.clawguard.cli;

import io.clawguard.files.StateHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option every command shares. */
public final class HomeOption {
    static final String DESCRIPTION = "State folder (default: $CLAWGUARD_HOME, else ~/.openclaw/security).";

    @Option(names = "--home", paramLabel = "DIR", description = DESCRIPTION)
    Path home;

    StateHome stateHome() {
        return stateHome(home);
    }

    static StateHome stateHome(Path option) {
        return StateHome.resolve(option, System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
