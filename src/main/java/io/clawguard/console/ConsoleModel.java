package io.clawguard.console;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console shows, built only from bus events: the console computes no findings
 * and makes no decisions itself. Touched only on the GUI thread.
 */
public final class ConsoleModel {
    static final int ACTIVITY_KEPT = 500;

    /** Which pane the arrows, Enter and the sort keys act on. */
    public enum Focus { PENDING, PORTS, EGRESS, SCORECARD }

    private final Map<String, PendingRow> pending = new LinkedHashMap<>();
    private final NetworkView network = new NetworkView();
    private Focus focus = Focus.PENDING;
    private ScorecardChanged scorecard;
    private int scorecardSelected;
    private final Deque<ActivityLine> activity = new ArrayDeque<>();
    private ElevationChanged elevation;
    private Instant now;
    private int selected;
    private String notice;

    public ConsoleModel(Instant now) {
        this.now = now;
    }

    public void requested(ApprovalRequested r) {
        pending.put(r.requestId(), PendingRow.of(r));
    }

    public void progress(ApprovalProgress p) {
        pending.computeIfPresent(p.requestId(), (id, row) -> row.approvedBy(p.approvedBy()));
    }

    public void decided(ApprovalDecided d) {
        pending.remove(d.requestId());
        selected = Math.max(0, Math.min(selected, pending.size() - 1));
    }

    public void audited(AuditRecorded a) {
        activity.addLast(ActivityLine.of(a.record(), a.at()));
        while (activity.size() > ACTIVITY_KEPT) {
            activity.removeFirst();
        }
    }

    public void elevation(ElevationChanged e) {
        elevation = e;
    }

    public void network(NetworkChanged n) {
        network.update(n);
    }

    public void scorecard(ScorecardChanged card) {
        scorecard = card;
        scorecardSelected = Math.min(scorecardSelected, Math.max(0, card.checks().size() - 1));
    }

    Optional<ScorecardChanged> scorecard() {
        return Optional.ofNullable(scorecard);
    }

    int scorecardSelected() {
        return scorecardSelected;
    }

    void moveScorecard(int delta) {
        int size = scorecard == null ? 0 : scorecard.checks().size();
        scorecardSelected = size == 0 ? 0 : Math.floorMod(scorecardSelected + delta, size);
    }

    NetworkView networkView() {
        return network;
    }

    public Focus focus() {
        return focus;
    }

    public void nextFocus() {
        focus = Focus.values()[(focus.ordinal() + 1) % Focus.values().length];
    }

    public void tick(Instant at) {
        now = at;
    }

    public void notice(String text) {
        notice = text;
    }

    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    public Instant now() {
        return now;
    }

    public List<PendingRow> pending() {
        return new ArrayList<>(pending.values());
    }

    public List<ActivityLine> activity() {
        return new ArrayList<>(activity);
    }

    public int selectedIndex() {
        return selected;
    }

    public Optional<PendingRow> selected() {
        List<PendingRow> rows = pending();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(Math.min(selected, rows.size() - 1)));
    }

    public void moveSelection(int delta) {
        int size = pending.size();
        selected = size == 0 ? 0 : Math.floorMod(selected + delta, size);
    }

    public boolean elevated() {
        return elevation != null && elevation.elevated();
    }

    /** Idle time left in an elevated session, counted down from the last activity. */
    public Duration idleLeft() {
        if (!elevated() || elevation.lastActivity() == null) {
            return Duration.ZERO;
        }
        Duration left = elevation.idleTimeout().minus(Duration.between(elevation.lastActivity(), now));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
