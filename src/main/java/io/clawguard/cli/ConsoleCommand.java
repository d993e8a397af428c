package io.clawguard.cli;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import io.clawguard.attach.AdminLink;
import io.clawguard.attach.SocketAdminLink;
import io.clawguard.broker.Broker;
import io.clawguard.console.ConsoleLoop;
import io.clawguard.console.ConsoleTheme;
import io.clawguard.files.StateHome;
import io.clawguard.files.UnixSocketProbe;
import io.clawguard.json.InvalidJsonFileException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clawguard console}: the full-screen console. It attaches to the broker that answers on
 * the admin socket; with none running, it runs the broker in its own process (the same-user
 * install), which stops when the console quits.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"The full-screen console: approve or deny privileged requests with a keypress,"
                + " watch the elevation session, the network and the audit log.",
                "Attaches to a running broker (clawguard broker); with none, runs one in this process.",
                "Keys: a approve once, A approve and keep, d deny, Enter detail, x drop elevation, ? help, q quit."})
final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    /** Used only when no broker is running and the console runs one in its own process. */
    @Mixin
    BrokerOptions brokerOptions;

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
        if (System.console() == null) {
            System.err.println("clawguard console: needs a terminal on standard input and output (an SSH session, tmux"
                    + " or screen); to watch without one, use clawguard status, ports, egress or audit tail");
            return 2;
        }
        StateHome stateHome = home.stateHome();
        LogFiles.toFile(stateHome.logFile());
        Broker broker = null;
        AdminLink link;
        String user = System.getProperty("user.name");
        try {
            if (UnixSocketProbe.answers(stateHome.adminSocket())) {
                link = SocketAdminLink.connect(stateHome.adminSocket());
            } else {
                broker = brokerOptions.start(stateHome, true);
                link = broker.localConsole(user);
            }
        } catch (InvalidJsonFileException | IOException e) {
            System.err.println("clawguard console: " + e.getMessage());
            return 1;
        }
        Screen screen = new TerminalScreen(new DefaultTerminalFactory().createTerminal());
        Broker own = broker;
        java.io.PrintStream terminalErr = LogFiles.captureErrors(stateHome.logFile());
        Thread restore = new Thread(() -> stop(screen, own), "console-shutdown");
        Runtime.getRuntime().addShutdownHook(restore);
        try (link) {
            screen.startScreen();
            MultiWindowTextGUI gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen,
                    new DefaultWindowManager(), null, new EmptySpace(TextColor.ANSI.BLACK));
            try (ConsoleSession session = ConsoleSession.open(gui, link, chosen, user, own != null, Clock.systemUTC())) {
                ConsoleLoop.run(gui.getGUIThread(), session.console().window(), Duration.ofMillis(25));
            }
        } catch (IOException e) {
            stop(screen, own);
            System.setErr(terminalErr);
            System.err.println("clawguard console: " + e.getMessage());
            return 1;
        } finally {
            stop(screen, own);
            System.setErr(terminalErr);
            Runtime.getRuntime().removeShutdownHook(restore);
        }
        return 0;
    }

    /** Stops the broker of this process (denying what waits) and gives the terminal back; safe twice. */
    private static void stop(Screen screen, Broker broker) {
        if (broker != null) {
            broker.close();
        }
        try {
            screen.stopScreen();
        } catch (IOException | RuntimeException e) {
            // The terminal is gone or already restored.
        }
    }
}
