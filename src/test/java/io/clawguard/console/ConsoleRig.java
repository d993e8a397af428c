package io.clawguard.console;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.clawguard.approval.ApprovalDecision;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.Tick;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineReview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The real console on Lanterna's virtual terminal: send keys, publish events, read the screen. */
final class ConsoleRig {
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    final DefaultVirtualTerminal terminal;
    final MultiWindowTextGUI gui;
    final EventBus bus = new EventBus();
    final ConsoleModel model = new ConsoleModel(T0);
    final FakeActions actions = new FakeActions();
    final Console console;

    /**
     * Records what the keys asked for and answers as the broker's desk would: resolves only ids
     * not yet decided, and checks the second factor when one is set.
     */
    static final class FakeActions implements ConsoleActions {
        final Map<String, ApprovalDecision> decisions = new LinkedHashMap<>();
        final List<String> tokenFailures = new ArrayList<>();
        final List<String> factorsTyped = new ArrayList<>();
        String factor;
        boolean quitDenies = true;
        int drops;
        boolean quit;
        int hostsShown;

        @Override
        public boolean secondFactorRequired(String requestId) {
            return factor != null;
        }

        @Override
        public CompletableFuture<String> decide(String requestId, ApprovalDecision decision, String secondFactor) {
            String shown = "#" + requestId.substring(requestId.lastIndexOf('-') + 1);
            if (decision.approved() && factor != null) {
                factorsTyped.add(secondFactor);
                if (!factor.equals(secondFactor)) {
                    tokenFailures.add(requestId);
                    return CompletableFuture.completedFuture("wrong second factor (recorded); " + shown + " is still pending");
                }
            }
            if (decisions.putIfAbsent(requestId, decision) != null) {
                return CompletableFuture.completedFuture(shown + " is no longer pending");
            }
            String verb = !decision.approved() ? "denied" : decision.keep() ? "approved and kept" : "approved once";
            return CompletableFuture.completedFuture(verb + ": " + shown);
        }

        @Override
        public CompletableFuture<String> dropElevation() {
            drops++;
            return CompletableFuture.completedFuture("elevation dropped");
        }

        BaselineReview review = new BaselineReview(BaselineKind.PORTS, List.of());
        BaselineReview saved;

        @Override
        public CompletableFuture<BaselineReview> reviewBaseline() {
            return CompletableFuture.completedFuture(review);
        }

        @Override
        public CompletableFuture<String> saveBaseline(BaselineReview r) {
            saved = r;
            return CompletableFuture.completedFuture("baseline saved: " + r.kept() + " rules");
        }

        @Override
        public boolean quitDeniesPending() {
            return quitDenies;
        }

        @Override
        public void quit() {
            quit = true;
        }

        @Override
        public CompletableFuture<String> recording(String requestId) {
            return CompletableFuture.completedFuture("$ /usr/bin/id\nuid=0(root) gid=0(root)\n[recording of " + requestId
                    + "]");
        }

        @Override
        public void showNextHost() {
            hostsShown++;
        }
    }

    ConsoleRig(int columns, int rows) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            gui = new MultiWindowTextGUI(new SameTextGUIThread.Factory(), screen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console = new Console(gui, model, new ConsoleIdentity("testhost", "admin", true), actions, ConsoleTheme.load("dark"));
        console.subscribe(bus);
        console.open();
        bus.publish(new Tick(T0));
        settle();
    }

    /** Runs the GUI thread's queue and redraws until nothing is left to do. */
    void settle() {
        try {
            for (int i = 0; i < 50; i++) {
                gui.getGUIThread().processEventsAndUpdate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void type(String keys) {
        for (char c : keys.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        settle();
    }

    void press(KeyType key) {
        terminal.addInput(new KeyStroke(key));
        settle();
    }

    ApprovalRequested request(String id, List<String> argv, String reason) {
        return request(id, argv, reason, false, false);
    }

    ApprovalRequested request(String id, List<String> argv, String reason, boolean untrusted, boolean confirm) {
        ApprovalRequested r = new ApprovalRequested(id, argv, argv.stream().map(a -> "").toList(), List.of(), false, argv.get(0),
                "/srv/app", "task-7", reason, untrusted, confirm, false, false, 1001, 4242, "openclaw-agent", "root", 1,
                ApprovalRequested.Code.NONE, T0.plus(Duration.ofMinutes(5)), T0);
        bus.publish(r);
        settle();
        return r;
    }

    String row(int r) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < terminal.getTerminalSize().getColumns(); c++) {
            TextCharacter ch = terminal.getCharacter(c, r);
            s.append(ch == null ? " " : ch.getCharacterString());
        }
        return s.toString();
    }

    String screen() {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            s.append(row(r).stripTrailing()).append('\n');
        }
        return s.toString();
    }
}
