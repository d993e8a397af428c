package io.clawguard.console;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.bus.Tick;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-screen console: one window drawn from the {@link ConsoleModel}, fed by the bus.
 * Bus subscribers never touch Lanterna themselves; they hand each event to the GUI thread.
 */
public final class Console {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    private final WindowBasedTextGUI gui;
    private final ConsoleModel model;
    private final ConsoleView view;
    private final BasicWindow window = new BasicWindow("ClawGuard");

    public Console(WindowBasedTextGUI gui, ConsoleModel model, ConsoleIdentity identity, ConsoleActions actions,
                   ConsoleTheme theme) {
        this.gui = gui;
        this.model = model;
        this.view = new ConsoleView(model, identity, theme.palette());
        gui.setTheme(theme.theme());
        ConsoleKeys consoleKeys = new ConsoleKeys(gui, model, actions, view, theme);
        view.keymap(consoleKeys::inForce);
        window.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
        window.setComponent(view);
        window.addWindowListener(new WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliverEvent) {
                if (consoleKeys.inForce().handle(key)) {
                    deliverEvent.set(false);
                }
            }
        });
    }

    /** Registers the console's subscribers; each event is applied on the GUI thread. */
    public void subscribe(EventBus bus) {
        on(bus, ApprovalRequested.class, model::requested);
        on(bus, ApprovalProgress.class, model::progress);
        on(bus, ApprovalDecided.class, model::decided);
        on(bus, AuditRecorded.class, model::audited);
        on(bus, ElevationChanged.class, model::elevation);
        on(bus, Tick.class, t -> model.tick(t.at()));
        on(bus, NetworkChanged.class, model::network);
        on(bus, ScorecardChanged.class, model::scorecard);
        on(bus, ForwardingChanged.class, model::forwarding);
        on(bus, HostsChanged.class, model::hosts);
    }

    /**
     * Applies each event on the GUI thread. An event that cannot be applied is logged and left
     * out: it changes nothing else on screen, and nothing of it reaches the terminal raw.
     */
    private <E extends Event> void on(EventBus bus, Class<E> type, Consumer<E> apply) {
        bus.subscribe(type, e -> gui.getGUIThread().invokeLater(() -> {
            try {
                apply.accept(e);
            } catch (RuntimeException failure) {
                LOG.error("a {} could not be shown; it is left out", type.getSimpleName(), failure);
            }
            view.invalidate();
        }));
    }

    /** Shows a line in the status bar; call on the GUI thread. */
    public void notice(String text) {
        model.notice(text);
        view.invalidate();
    }

    /** Shows the console's window. */
    public void open() {
        gui.addWindow(window);
        window.setFocusedInteractable(null);
    }

    public BasicWindow window() {
        return window;
    }

    /** Closes the console's window (and so ends {@code waitForWindowToClose}). */
    public void close() {
        window.close();
    }
}
