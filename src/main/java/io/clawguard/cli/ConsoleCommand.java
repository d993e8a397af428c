package io.clawguard.cli;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import io.clawguard.console.ConsoleLoop;
import io.clawguard.console.ConsoleTheme;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard console}: the full-screen console that approves privileged requests. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"The full-screen console: approve or deny privileged requests with a keypress,"
                + " watch the elevation session and the audit log.",
                "Keys: a approve once, A approve and keep, d deny, Enter detail, x drop elevation, ? help, q quit."})
final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--approval-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a request waits before it is denied as timed out (default: clawguard.json's"
                    + " pending_timeout_seconds, else 5m). Examples: 90s, 5m.")
    Duration approvalTimeout;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2s",
            description = "How often the ports and outbound connections are scanned (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--theme", paramLabel = "NAME", description = "dark, light, high-contrast or mono (default: mono"
            + " when NO_COLOR is set or TERM is dumb, else dark); t cycles them in the console.")
    String theme;

    @Override
    public Integer call() throws IOException {
        ConsoleTheme chosen;
        try {
            chosen = ConsoleTheme.load(theme != null ? theme : ConsoleTheme.defaultName(System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("clawguard console: " + e.getMessage());
            return 2;
        }
        StateHome stateHome = home.stateHome();
        LogFiles.toFile(stateHome.logFile());
        int uid = ProcessIdentity.uid();
        ConsoleServices services;
        try {
            GuardConfig config = GuardConfig.load(stateHome.config(), uid);
            services = ConsoleServices.start(stateHome, config, uid,
                    approvalTimeout != null ? approvalTimeout : config.pendingTimeout(), interval);
        } catch (InvalidJsonFileException | IOException e) {
            System.err.println("clawguard console: " + e.getMessage());
            return 1;
        }
        Screen screen = new TerminalScreen(new DefaultTerminalFactory().createTerminal());
        Thread restore = new Thread(() -> services.stop(screen), "console-shutdown");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            screen.startScreen();
            MultiWindowTextGUI gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen,
                    new DefaultWindowManager(), null, new EmptySpace(TextColor.ANSI.BLACK));
            services.attach(gui, chosen);
            ConsoleLoop.run(gui.getGUIThread(), services.console().window(), Duration.ofMillis(25));
        } finally {
            services.stop(screen);
            Runtime.getRuntime().removeShutdownHook(restore);
        }
        return 0;
    }
}
