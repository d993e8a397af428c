package io.clawguard.cli;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import io.clawguard.attach.AdminLink;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.bus.Event;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.Tick;
import io.clawguard.console.Console;
import io.clawguard.console.ConsoleIdentity;
import io.clawguard.console.ConsoleModel;
import io.clawguard.console.ConsoleTheme;
import io.clawguard.fleet.FleetLink;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One console on a GUI, attached to a broker through a link: the broker's events land on the
 * console's own bus (held until the console listens, so none is lost), a clock of its own
 * ticks every second, and its keys act through the link.
 */
final class ConsoleSession implements AutoCloseable {
    private final AdminLink link;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-ticker");
        t.setDaemon(true);
        return t;
    });
    private final Console console;

    private ConsoleSession(AdminLink link, Console console) {
        this.link = link;
        this.console = console;
    }

    /**
     * Attaches {@code link} and opens the console on {@code gui}. {@code ownBroker} says the
     * broker runs in this process and stops with the console.
     */
    static ConsoleSession open(WindowBasedTextGUI gui, AdminLink link, ConsoleTheme theme, String user,
                               boolean ownBroker, Clock clock) throws IOException {
        return open(gui, link, null, theme, user, ownBroker, clock);
    }

    /** A console over the brokers of many hosts: approvals from all, the other panes one host at a time. */
    static ConsoleSession openFleet(WindowBasedTextGUI gui, FleetLink fleet, ConsoleTheme theme, String user, Clock clock)
            throws IOException {
        return open(gui, fleet, fleet, theme, user, false, clock);
    }

    private static ConsoleSession open(WindowBasedTextGUI gui, AdminLink link, FleetLink fleet, ConsoleTheme theme,
                                       String user, boolean ownBroker, Clock clock) throws IOException {
        EventBus bus = new EventBus();
        HeldEvents held = new HeldEvents();
        Console[] opened = new Console[1];
        BrokerInfo info = link.attach(held, () -> gui.getGUIThread().invokeLater(() -> {
            if (opened[0] != null) {
                opened[0].notice("the broker went away: nothing can be approved here until it is back");
            }
        }));
        LinkedConsoleActions actions = fleet != null
                ? new LinkedConsoleActions(link, fleet::secondFactorRequired, fleet::showNextHost, false)
                : new LinkedConsoleActions(link, id -> info.secondFactorRequired(), () -> { }, ownBroker);
        Console console = new Console(gui, new ConsoleModel(clock.instant()),
                new ConsoleIdentity(info.host(), user, !info.separated()), actions, theme);
        opened[0] = console;
        actions.onQuit(console::close);
        console.subscribe(bus);
        held.release(bus::publish);
        ConsoleSession session = new ConsoleSession(link, console);
        session.ticker.scheduleWithFixedDelay(() -> bus.publish(new Tick(clock.instant())), 0, 1, TimeUnit.SECONDS);
        console.open();
        return session;
    }

    Console console() {
        return console;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        link.close();
    }

    /** Events that arrive before the console listens are held, then handed over in order. */
    private static final class HeldEvents implements Consumer<Event> {
        private List<Event> held = new ArrayList<>();
        private Consumer<Event> target;

        @Override
        public synchronized void accept(Event e) {
            if (target == null) {
                held.add(e);
            } else {
                target.accept(e);
            }
        }

        synchronized void release(Consumer<Event> to) {
            held.forEach(to);
            held = null;
            target = to;
        }
    }
}
