package io.clawguard.console;

import io.clawguard.text.VisibleText;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One network pane's rows (ports or egress): the admin's {@code /} filter, the rows it keeps
 * (at most {@link NetworkView#ROWS_KEPT}, flagged ones first, so an alert is never cut), how
 * many matched, and the selection, held by the row's key so it stays on its row when rows
 * come and go.
 */
final class NetworkPane {
    /** Flagged rows are kept before the rest whatever the order shown: an alert is never behind the cap. */
    static final Comparator<NetworkRow> FLAGGED_FIRST = Comparator.comparing(r -> !r.flagged());

    private final Supplier<Stream<NetworkRow>> source;
    private Comparator<NetworkRow> order;
    private boolean flaggedOnly;
    private String filter = "";
    private boolean editing;
    private String selectedKey;
    private CappedRows<NetworkRow> rows = CappedRows.none();

    /** {@code source} streams every row of the last picture, built as it passes; {@code order} is the order shown. */
    NetworkPane(Supplier<Stream<NetworkRow>> source, Comparator<NetworkRow> order) {
        this.source = source;
        this.order = order;
    }

    void arrange(Comparator<NetworkRow> order, boolean flaggedOnly) {
        this.order = order;
        this.flaggedOnly = flaggedOnly;
        refresh();
    }

    /** Streams the picture again through the filter; called when the picture or the arrangement changes. */
    void refresh() {
        rows = CappedRows.of(source.get(), r -> (!flaggedOnly || r.flagged()) && r.matches(filter),
                FLAGGED_FIRST.thenComparing(order), order, NetworkView.ROWS_KEPT);
    }

    List<NetworkRow> rows() {
        return rows.kept();
    }

    int matched() {
        return rows.matched();
    }

    int total() {
        return rows.total();
    }

    /** Opens the prompt; what is typed narrows the rows at once. */
    void startFilter() {
        editing = true;
    }

    void filter(String text) {
        filter = text;
        refresh();
    }

    /** Enter: the prompt closes, the filter stays. */
    void keepFilter() {
        editing = false;
    }

    void clearFilter() {
        editing = false;
        if (!filter.isEmpty()) {
            filter("");
        }
    }

    String filterText() {
        return filter;
    }

    boolean editing() {
        return editing;
    }

    boolean filtered() {
        return editing || !filter.isEmpty();
    }

    /** The admin's text as the screen shows it: typed by the admin, but a paste can carry escapes too. */
    String visibleFilter() {
        return VisibleText.of(filter).text();
    }

    /** For the title: {@code  · 12 of 40,000 /ncat}, or nothing without a filter. */
    String filterTitle() {
        return filtered() ? " · " + matchedOfTotal() + " /" + visibleFilter() : "";
    }

    /** {@code 12 of 40,000}: the rows the filter matched, of all the picture's. */
    String matchedOfTotal() {
        return Counts.of(matched()) + " of " + Counts.of(total());
    }

    int selected() {
        List<NetworkRow> kept = rows();
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).key().equals(selectedKey)) {
                return i;
            }
        }
        return 0;
    }

    void move(int delta) {
        List<NetworkRow> kept = rows();
        if (!kept.isEmpty()) {
            selectedKey = kept.get(Math.floorMod(selected() + delta, kept.size())).key();
        }
    }

    Optional<NetworkRow> selectedRow() {
        List<NetworkRow> kept = rows();
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(selected()));
    }
}
