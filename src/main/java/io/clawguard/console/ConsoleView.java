package io.clawguard.console;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import io.clawguard.text.VisibleText;
import io.clawguard.bus.NetworkChanged;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main screen, drawn from the model on the GUI thread each time it is invalidated. */
final class ConsoleView extends AbstractComponent<ConsoleView> {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleView.class);
    private final ConsoleModel model;
    private final ConsoleIdentity identity;
    private Palette palette;
    private Supplier<Keymap> keymap = () -> new Keymap(List.of());

    ConsoleView(ConsoleModel model, ConsoleIdentity identity, Palette palette) {
        this.model = model;
        this.identity = identity;
        this.palette = palette;
    }

    void palette(Palette p) {
        palette = p;
        invalidate();
    }

    Palette palette() {
        return palette;
    }

    /** The keys in force, asked at each draw: they follow the focused pane. */
    void keymap(Supplier<Keymap> keys) {
        this.keymap = keys;
        invalidate();
    }

    private void drawMonitors(TextGUIGraphics g, List<ConsoleLayout.Region> regions) {
        NetworkView net = model.networkView();
        ConsoleLayout.Region ports = regions.get(0);
        ConsoleLayout.Region egress = regions.get(1);
        ConsoleLayout.Region score = regions.get(2);
        String portStatus = net.picture().map(n -> scanFailure(n).or(() -> ruleError(n, "approved_ports.json"))
                .orElse(n.baselinePresent() ? null : "No baseline yet: press b to review one")).orElse(null);
        String egressStatus = net.picture().map(n -> scanFailure(n).or(() -> ruleError(n, "egress_allowlist.json"))
                .orElse(n.allowlistPresent() ? null : "No egress allow-list: every destination is flagged")).orElse(null);
        String empty = net.picture().isPresent() ? "nothing" : "not collected yet";
        String arrangement = net.picture().isPresent() ? " · " + net.arrangement() : "";
        int inbound = net.picture().map(n -> n.inbound()).orElse(0);
        MonitorPane.draw(g, ports.at(), ports.size(), "Listening ports" + net.ports().filterTitle() + arrangement,
                net.ports(), model.focus() == ConsoleModel.Focus.PORTS, empty, portStatus, palette);
        MonitorPane.draw(g, egress.at(), egress.size(), "Outbound" + net.egress().filterTitle() + " (" + inbound
                + " inbound apart)", net.egress(), model.focus() == ConsoleModel.Focus.EGRESS, empty, egressStatus,
                palette);
        ScorecardPane.draw(g, score.at(), score.size(), model.scorecard(), model.scorecardSelected(),
                model.focus() == ConsoleModel.Focus.SCORECARD, palette);
    }

    /** Said before anything else: rows that are no longer current, or not all there, must not pass for whole. */
    private static Optional<String> scanFailure(NetworkChanged n) {
        return Optional.ofNullable(n.scanError()).map(why -> "SCAN FAILED, not current: " + VisibleText.of(why).text()
                + (n.at().equals(java.time.Instant.EPOCH) ? "" : " (showing the scan of " + n.at() + ")"))
                .or(() -> n.omittedRows() == 0 ? Optional.empty() : Optional.of("the broker left out "
                        + Counts.of(n.omittedRows()) + " rows (flagged ones first kept): see clawguard ports/egress"));
    }

    private static Optional<String> ruleError(NetworkChanged n, String file) {
        return n.ruleErrors().stream().filter(e -> e.contains(file)).findFirst().map(e -> VisibleText.of(e).text());
    }

    @Override
    protected ComponentRenderer<ConsoleView> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(ConsoleView view) {
                return new TerminalSize(80, 24);
            }

            /** A frame that cannot be drawn is logged and replaced by one plain line, never by a trace. */
            @Override
            public void drawComponent(TextGUIGraphics g, ConsoleView view) {
                try {
                    drawAll(g);
                } catch (RuntimeException e) {
                    LOG.error("the console could not draw its screen", e);
                    g.setBackgroundColor(palette.background());
                    g.setForegroundColor(palette.bad());
                    g.fill(' ');
                    g.putString(0, 0, Fit.fit(" ClawGuard could not draw this screen (the error is in the log);"
                            + " the keys still work, q quits", g.getSize().getColumns()));
                }
            }

            private void drawAll(TextGUIGraphics g) {
                TerminalSize size = g.getSize();
                g.setBackgroundColor(palette.background());
                g.fill(' ');
                if (ConsoleLayout.tooSmall(size)) {
                    g.setForegroundColor(palette.bad());
                    g.putString(0, 0, Fit.fit(" ClawGuard needs " + ConsoleLayout.SMALLEST.getColumns() + "×"
                            + ConsoleLayout.SMALLEST.getRows() + "; this terminal is " + size.getColumns() + "×"
                            + size.getRows() + ": enlarge it (only q works meanwhile)", size.getColumns()));
                    return;
                }
                ConsoleLayout layout = ConsoleLayout.of(size);
                TitleBar.draw(g, layout.titleRow(), size.getColumns(), model, identity, palette);
                PendingPane.draw(g, layout.pending().at(), layout.pending().size(), model, palette);
                if (layout.activity().size().getRows() >= 3) {
                    ActivityPane.draw(g, layout.activity().at(), layout.activity().size(), model, palette);
                }
                if (!layout.monitors().isEmpty()) {
                    drawMonitors(g, layout.monitors());
                }
                StatusBar.draw(g, layout.statusRow(), size.getColumns(), model, keymap.get(), palette);
            }
        };
    }
}
