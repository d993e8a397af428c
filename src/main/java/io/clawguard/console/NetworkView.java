package io.clawguard.console;

import io.clawguard.bus.NetworkChanged;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ports and egress panes' state: the last picture from the monitor, the sort order and
 * whether only flagged rows are shown (both panes), and each pane's filter, kept rows and
 * selection ({@link NetworkPane}).
 */
final class NetworkView {
    /**
     * Rows a network pane keeps of one picture. A pane on a tall terminal (300 lines) shows about
     * 90; a few screens of that is as far as anyone scrolls with the arrows, and past it the admin
     * narrows with {@code /}. Measured at 40,000 listeners and 40,000 destinations: the rows of
     * both panes took 25 MB when every one was held, well under 1 MB at 300 each.
     */
    static final int ROWS_KEPT = 300;

    /** The orders a monitor pane can be sorted in, cycled with one key. */
    enum Sort {
        FLAGGED_FIRST("flagged first", NetworkPane.FLAGGED_FIRST.thenComparingInt(NetworkRow::port)),
        PORT("by port", Comparator.comparingInt(NetworkRow::port)),
        PROCESS("by program", Comparator.comparing(NetworkRow::process).thenComparingInt(NetworkRow::port));

        final String label;
        /** The order shown; ties are broken by key so a redraw never reshuffles equal rows. */
        final Comparator<NetworkRow> order;

        Sort(String label, Comparator<NetworkRow> order) {
            this.label = label;
            this.order = order.thenComparing(NetworkRow::key);
        }

        Sort next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    private NetworkChanged picture;
    /** The picture's findings by subject: a row finds its own in one look-up, not a pass over all of them. */
    private Map<String, List<NetworkChanged.FindingView>> findings = Map.of();
    private Sort sort = Sort.FLAGGED_FIRST;
    private boolean flaggedOnly;
    private final NetworkPane ports = new NetworkPane(
            () -> picture == null ? Stream.empty() : NetworkRow.ports(picture, findings), sort.order);
    private final NetworkPane egress = new NetworkPane(
            () -> picture == null ? Stream.empty() : NetworkRow.egress(picture, findings), sort.order);

    void update(NetworkChanged n) {
        picture = n;
        findings = n.findings().stream().collect(Collectors.groupingBy(NetworkChanged.FindingView::subject));
        ports.refresh();
        egress.refresh();
    }

    Optional<NetworkChanged> picture() {
        return Optional.ofNullable(picture);
    }

    NetworkPane ports() {
        return ports;
    }

    NetworkPane egress() {
        return egress;
    }

    private void rearrange() {
        ports.arrange(sort.order, flaggedOnly);
        egress.arrange(sort.order, flaggedOnly);
    }

    void cycleSort() {
        sort = sort.next();
        rearrange();
    }

    void toggleFlaggedOnly() {
        flaggedOnly = !flaggedOnly;
        rearrange();
    }

    String arrangement() {
        return sort.label + (flaggedOnly ? ", flagged only" : "");
    }
}
