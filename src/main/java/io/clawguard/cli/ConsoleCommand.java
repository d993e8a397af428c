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
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.fleet.FleetLink;
import io.clawguard.fleet.HostAddress;
import io.clawguard.fleet.SshSettings;
import io.clawguard.policy.GuardConfig;
import io.clawguard.files.UnixSocketProbe;
import io.clawguard.json.InvalidJsonFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clawguard console}: the full-screen console. It attaches to the broker that answers on
 * the admin socket; with none running, it runs the broker in its own process (the same-user
 * install), which stops when the console quits. With {@code --host} (or {@code hosts} in
 * {@code clawguard.json}) it attaches to the brokers of those hosts instead, through ssh.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"The full-screen console: approve or deny privileged requests with a keypress,"
                + " watch the elevation session, the network and the audit log.",
                "Attaches to a running broker (clawguard broker); with none, runs one in this process.",
                "Keys: a approve once, A approve and keep, d deny, Enter detail, x drop elevation, h next host, ? help,"
                        + " q quit."})
final class ConsoleCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    /** Used only when no broker is running and the console runs one in its own process. */
    @Mixin
    BrokerOptions brokerOptions;

    @Option(names = "--theme", paramLabel = "NAME", description = "dark, light, high-contrast or mono (default: mono"
            + " when NO_COLOR is set or TERM is dumb, else dark); t cycles them in the console.")
    String theme;

    @Option(names = "--host", paramLabel = "[NAME=]ssh://[USER@]HOST[:PORT][/STATE]",
            description = "Attach to the broker of this host through ssh (repeatable): runs ssh -T HOST clawguard attach"
                    + " --stdio. /STATE names the remote state folder. Default: hosts in clawguard.json.")
    List<String> hostUrls = new ArrayList<>();

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh_config file for the hosts (ssh -F).")
    Path sshConfig;

    @Option(names = "--remote-clawguard", paramLabel = "PATH",
            description = "The clawguard command on the hosts (default: clawguard, or remote_clawguard in clawguard.json).")
    String remoteClawguard;

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
        FleetLink fleet;
        try {
            fleet = fleet(stateHome);
        } catch (IllegalArgumentException | InvalidJsonFileException e) {
            System.err.println("clawguard console: " + e.getMessage());
            return 2;
        }
        Broker broker = null;
        AdminLink link;
        String user = System.getProperty("user.name");
        try {
            if (fleet != null) {
                link = fleet;
            } else if (UnixSocketProbe.answers(stateHome.adminSocket())) {
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
            try (ConsoleSession session = fleet != null
                    ? ConsoleSession.openFleet(gui, fleet, chosen, user, Clock.systemUTC())
                    : ConsoleSession.open(gui, link, chosen, user, own != null, Clock.systemUTC())) {
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

    /** The link to the hosts named on the command line or in clawguard.json; null for none. */
    private FleetLink fleet(StateHome stateHome) throws InvalidJsonFileException {
        GuardConfig.Fleet configured = GuardConfig.load(stateHome.config(), ProcessIdentity.uid()).fleet();
        List<String> urls = hostUrls.isEmpty() ? configured.hosts() : hostUrls;
        if (urls.isEmpty()) {
            return null;
        }
        Path config = sshConfig != null ? sshConfig : configured.sshConfig();
        SshSettings ssh = new SshSettings("ssh", config == null ? null : config.toString(),
                remoteClawguard != null ? remoteClawguard : configured.remoteClawguard());
        return new FleetLink(HostAddress.parseAll(urls), ssh, Clock.systemUTC());
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
