package io.clawguard.cli;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.clawguard.attach.SocketAdminLink;
import io.clawguard.console.ConsoleTheme;
import io.clawguard.fleet.FleetLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Predicate;

/** The real console, attached over an admin socket, on Lanterna's virtual terminal: keys in, screen out. */
final class VirtualConsole implements AutoCloseable {
    private final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 40));
    private final MultiWindowTextGUI gui;
    private final ConsoleSession session;

    VirtualConsole(Path adminSocket) throws IOException {
        gui = gui(terminal);
        session = ConsoleSession.open(gui, SocketAdminLink.connect(adminSocket), ConsoleTheme.load("mono"), "root",
                false, Clock.systemUTC());
    }

    /** The console over the brokers of many hosts. */
    VirtualConsole(FleetLink fleet) throws IOException {
        gui = gui(terminal);
        session = ConsoleSession.openFleet(gui, fleet, ConsoleTheme.load("mono"), "root", Clock.systemUTC());
    }

    private static MultiWindowTextGUI gui(DefaultVirtualTerminal terminal) throws IOException {
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        return new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
    }

    /** Runs the GUI until the screen satisfies {@code wanted} (20 s at most); returns it. */
    String await(Predicate<String> wanted) throws Exception {
        String now = "";
        for (int i = 0; i < 1000; i++) {
            gui.getGUIThread().processEventsAndUpdate();
            now = screen();
            if (wanted.test(now)) {
                return now;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the console never showed what was expected; it shows:\n" + now);
    }

    /** Waits until the pending pane's selected row shows {@code command} (the audit pane may show it sooner). */
    String awaitPending(String command) throws Exception {
        return await(s -> s.lines().anyMatch(l -> l.startsWith("│>") && l.contains(command)));
    }

    void type(String keys) throws Exception {
        for (char c : keys.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        gui.getGUIThread().processEventsAndUpdate();
    }

    void press(KeyType key) throws Exception {
        terminal.addInput(new KeyStroke(key));
        gui.getGUIThread().processEventsAndUpdate();
    }

    String screen() {
        StringBuilder s = new StringBuilder();
        TerminalSize size = terminal.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                row.append(ch == null ? " " : ch.getCharacterString());
            }
            s.append(row.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    @Override
    public void close() {
        session.close();
    }
}
