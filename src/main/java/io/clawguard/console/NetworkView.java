package io.clawguard.console;

import io.clawguard.bus.NetworkChanged;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ports and egress panes' state: the last picture from the monitor, and per pane the
 * selection, the sort order and whether only flagged rows are shown.
 */
final class NetworkView {
    /** The orders a monitor pane can be sorted in, cycled with one key. */
    enum Sort {
        FLAGGED_FIRST("flagged first"), PORT("by port"), PROCESS("by program");

        final String label;

        Sort(String label) {
            this.label = label;
        }

        Sort next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    private NetworkChanged picture;
    private Sort sort = Sort.FLAGGED_FIRST;
    private boolean flaggedOnly;
    private int portsSelected;
    private int egressSelected;
    private List<NetworkRow> ports = List.of();
    private List<NetworkRow> egress = List.of();

    void update(NetworkChanged n) {
        picture = n;
        rearrange();
    }

    /** Rows are built when the picture or the arrangement changes, not on every redraw. */
    private void rearrange() {
        ports = picture == null ? List.of() : arrange(NetworkRow.ports(picture));
        egress = picture == null ? List.of() : arrange(NetworkRow.egress(picture));
    }

    Optional<NetworkChanged> picture() {
        return Optional.ofNullable(picture);
    }

    List<NetworkRow> ports() {
        return ports;
    }

    List<NetworkRow> egress() {
        return egress;
    }

    private List<NetworkRow> arrange(List<NetworkRow> rows) {
        Comparator<NetworkRow> order = switch (sort) {
            case FLAGGED_FIRST -> Comparator.comparing((NetworkRow r) -> !r.flagged()).thenComparing(NetworkRow::port);
            case PORT -> Comparator.comparing(NetworkRow::port);
            case PROCESS -> Comparator.comparing(NetworkRow::process).thenComparing(NetworkRow::port);
        };
        return rows.stream().filter(r -> !flaggedOnly || r.flagged()).sorted(order.thenComparing(NetworkRow::key)).toList();
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

    int selected(boolean ports) {
        int size = ports ? ports().size() : egress().size();
        int s = ports ? portsSelected : egressSelected;
        return size == 0 ? 0 : Math.min(s, size - 1);
    }

    void move(boolean ports, int delta) {
        int size = ports ? ports().size() : egress().size();
        int next = size == 0 ? 0 : Math.floorMod(selected(ports) + delta, size);
        if (ports) {
            portsSelected = next;
        } else {
            egressSelected = next;
        }
    }

    Optional<NetworkRow> selectedRow(boolean ports) {
        List<NetworkRow> rows = ports ? ports() : egress();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(selected(ports)));
    }
}
