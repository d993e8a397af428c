package io.clawguard.console;

import io.clawguard.text.VisibleText;
import io.clawguard.audit.AuditAction;
import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the console shows, built only from bus events: the console computes no findings
 * and makes no decisions itself. Touched only on the GUI thread.
 */
public final class ConsoleModel {
    /** Which pane the arrows, Enter and the sort keys act on. */
    public enum Focus { PENDING, PORTS, EGRESS, SCORECARD }

    private final Map<String, PendingRow> pending = new LinkedHashMap<>();
    private NetworkView network = new NetworkView();
    private Focus focus = Focus.PENDING;
    /** The scorecard check that verifies the audit chain. */
    static final String AUDIT_CHECK = "audit_logging_privileged_actions";

    private ScorecardChanged scorecard;
    private ForwardingChanged forwarding;
    private HostsChanged hosts;
    private int scorecardSelected;
    private ActivityTail activity = new ActivityTail();
    private ElevationChanged elevation;
    private Instant now;
    /** The request the keys act on, by id: a row number would slide onto another request when one leaves. */
    private String selectedId;
    /**
     * A selected request left without this console deciding it (withdrawn, timed out, decided at
     * another console): until the admin chooses again, no request is chosen for them.
     */
    private boolean selectionLost;
    /** Requests this console has sent a decision for: their leaving is expected, not a loss. */
    private final java.util.Set<String> decidedHere = new java.util.HashSet<>();
    private String notice;

    public ConsoleModel(Instant now) {
        this.now = now;
    }

    public void requested(ApprovalRequested r) {
        pending.put(r.requestId(), PendingRow.of(r));
        clearStaleNotice();
        // Only a request arriving into an empty pane is chosen for the admin: the highlight never
        // jumps onto a request among others the admin has not chosen.
        if (selectedId == null && !selectionLost && pending.size() == 1) {
            selectedId = r.requestId();
        }
    }

    /**
     * A line about an earlier action is stale once the pending requests change; the one that
     * says the selection was lost stays until the admin chooses again.
     */
    private void clearStaleNotice() {
        if (!selectionLost) {
            notice = null;
        }
    }

    /** This console sent a decision for {@code requestId}; its leaving will be no surprise. */
    public void decidedHere(String requestId) {
        decidedHere.add(requestId);
    }

    public void progress(ApprovalProgress p) {
        pending.computeIfPresent(p.requestId(), (id, row) -> row.approvedBy(p.approvedBy()));
    }

    public void decided(ApprovalDecided d) {
        PendingRow left = pending.remove(d.requestId());
        boolean expected = decidedHere.remove(d.requestId());
        if (!expected) {
            clearStaleNotice();
        }
        if (left == null || !d.requestId().equals(selectedId)) {
            return;
        }
        selectedId = null;
        if (!expected) {
            selectionLost = true;
            notice = left.shortId() + " left (" + d.outcome().replace('_', ' ')
                    + (d.reason() == null ? "" : ": " + VisibleText.of(d.reason()).text())
                    + "); nothing is selected now: choose with ↑ ↓";
        }
    }

    public void audited(AuditRecorded a) {
        activity.add(ActivityLine.of(a.record(), a.at()));
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

    /**
     * The hosts of a console over many: when what the other panes show starts afresh (another
     * host, or the shown one reconnected), they are emptied before its state arrives.
     */
    public void hosts(HostsChanged h) {
        if (hosts == null || hosts.view() != h.view()) {
            activity = new ActivityTail();
            network = new NetworkView();
            scorecard = null;
            scorecardSelected = 0;
            elevation = null;
            forwarding = null;
        }
        hosts = h;
    }

    /** The hosts and the one shown, for a console over many; empty for a console on one broker. */
    Optional<HostsChanged> hosts() {
        return Optional.ofNullable(hosts);
    }

    public void forwarding(ForwardingChanged f) {
        forwarding = f;
    }

    /** How sending to the syslog collector goes; empty when the broker forwards nothing. */
    Optional<ForwardingChanged> forwarding() {
        return Optional.ofNullable(forwarding);
    }

    Optional<ScorecardChanged> scorecard() {
        return Optional.ofNullable(scorecard);
    }

    /**
     * True while the last assessment found the audit log broken or unreadable: the broker then
     * refuses every privileged request, and the admin must see why from any pane.
     */
    boolean auditBroken() {
        return scorecard != null && scorecard.checks().stream().anyMatch(c -> c.checkId().equals(AUDIT_CHECK)
                && c.status().equals("violation"));
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

    /** The ports or egress pane when one has the focus. */
    Optional<NetworkPane> focusedNetworkPane() {
        return switch (focus) {
            case PORTS -> Optional.of(network.ports());
            case EGRESS -> Optional.of(network.egress());
            default -> Optional.empty();
        };
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

    /** Every status-bar line passes here, and may carry a broker's or agent's words: escaped once, here. */
    public void notice(String text) {
        notice = text == null ? null : VisibleText.of(text).text();
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

    /** The runs that finished, newest first, at most {@code most}: each by its exec_finish line. */
    List<ActivityLine> finishedRuns(int most) {
        List<ActivityLine> runs = new ArrayList<>();
        List<ActivityLine> lines = activity.lines();
        for (int i = lines.size() - 1; i >= 0 && runs.size() < most; i--) {
            ActivityLine l = lines.get(i);
            if (l.action().equals(AuditAction.EXEC_FINISH.logName()) && l.requestId() != null) {
                runs.add(l);
            }
        }
        return runs;
    }

    public List<ActivityLine> activity() {
        return activity.lines();
    }

    /** Audit lines received since the console started, including those no longer held. */
    long activityReceived() {
        return activity.received();
    }

    /** The row of the selected request; -1 when none is selected. */
    public int selectedIndex() {
        return selectedId == null ? -1 : new ArrayList<>(pending.keySet()).indexOf(selectedId);
    }

    public Optional<PendingRow> selected() {
        return Optional.ofNullable(selectedId == null ? null : pending.get(selectedId));
    }

    /** Moves to the next or previous request; from nothing selected, down picks the first and up the last. */
    public void moveSelection(int delta) {
        List<String> ids = new ArrayList<>(pending.keySet());
        if (ids.isEmpty()) {
            return;
        }
        int at = selectedIndex();
        int next = at < 0 ? (delta > 0 ? 0 : ids.size() - 1) : Math.floorMod(at + delta, ids.size());
        selectedId = ids.get(next);
        selectionLost = false;
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
