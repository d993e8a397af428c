package io.clawguard.console;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The top line: host (the shown one and how the others go, over many), user, NORMAL or ELEVATED with the idle countdown, the audit alarm when the
 * chain is broken, the syslog forwarding state when the broker forwards, install mode, clock.
 */
final class TitleBar {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private TitleBar() {
    }

    static void draw(TextGraphics g, int row, int width, ConsoleModel m, ConsoleIdentity id, Palette p) {
        g.setBackgroundColor(p.titleBackground());
        g.setForegroundColor(p.title());
        g.putString(0, row, " ".repeat(width));
        String mode = m.elevated() ? " ELEVATED " + Fit.clock(m.idleLeft()) + " " : " NORMAL ";
        String alarm = m.auditBroken() ? " AUDIT CHAIN BROKEN: privileged requests refused (scorecard) " : "";
        String host = m.hosts().map(TitleBar::hosts).orElse(id.host());
        String left = " ClawGuard │ " + host + " │ " + id.user() + " │ ";
        String right = " " + id.installNote(width >= 120) + " │ " + CLOCK.format(m.now()) + " ";
        g.enableModifiers(SGR.BOLD);
        g.putString(0, row, Fit.fit(left, width));
        int modeAt = Math.min(width, left.length());
        if (m.elevated()) {
            g.setBackgroundColor(p.elevated());
        }
        g.putString(modeAt, row, Fit.fit(mode, Math.max(0, width - modeAt)));
        int alarmAt = Math.min(width, modeAt + mode.length() + 1);
        if (!alarm.isEmpty()) {
            g.setBackgroundColor(p.bad());
            g.putString(alarmAt, row, Fit.fit(alarm, Math.max(0, width - alarmAt)));
        }
        g.setBackgroundColor(p.titleBackground());
        g.disableModifiers(SGR.BOLD);
        int forwardAt = Math.min(width, alarmAt + alarm.length());
        String forward = m.forwarding().map(TitleBar::forwarding).orElse("");
        if (!forward.isEmpty() && width - forwardAt > forward.length() + 12) {
            boolean failing = m.forwarding().get().state().equals(ForwardingChanged.FAILING);
            if (failing) {
                g.setBackgroundColor(p.bad());
                g.enableModifiers(SGR.BOLD);
            }
            g.putString(forwardAt, row, forward);
            g.setBackgroundColor(p.titleBackground());
            g.disableModifiers(SGR.BOLD);
        } else {
            forward = "";
        }
        int rightAt = forwardAt + forward.length();
        int room = width - rightAt;
        if (room > 10) {
            String r = room >= right.length() ? right : " " + CLOCK.format(m.now()) + " ";
            g.putString(width - Math.min(room, r.length()), row, Fit.fit(r, room));
        }
    }

    /**
     * The shown host and how the others go: {@code web1 (h: 2 of 3 up; web3 DISCONNECTED)}. Only
     * the approvals pane shows every host; this says whose ports, scorecard and audit are on screen.
     */
    static String hosts(HostsChanged h) {
        long up = h.hosts().stream().filter(HostsChanged.HostView::connected).count();
        List<String> down = h.hosts().stream().filter(v -> !v.connected()).map(v -> v.name() + " DISCONNECTED").toList();
        return h.shown() + " (h: " + up + " of " + h.hosts().size() + " up" + (down.isEmpty() ? "" : "; "
                + String.join(", ", down)) + ")";
    }

    /** {@code syslog ok}, {@code syslog queued 12}, {@code syslog FAILING (40 queued)}: words, not colour alone. */
    static String forwarding(ForwardingChanged f) {
        return switch (f.state()) {
            case ForwardingChanged.OK -> " syslog ok ";
            case ForwardingChanged.QUEUED -> " syslog queued " + f.queued() + " ";
            default -> " syslog FAILING (" + f.queued() + " queued) ";
        };
    }
}
