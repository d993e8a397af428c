package io.clawguard.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rows a pane keeps of a list too long to hold: at most {@code cap}, the first by
 * {@code keep} (so what matters most is never cut), and how many matched and how many there were.
 * The source is streamed once; only the kept rows outlive it.
 */
record CappedRows<T>(List<T> kept, int matched, int total) {

    static <T> CappedRows<T> none() {
        return new CappedRows<>(List.of(), 0, 0);
    }

    /** Keeps the first {@code cap} matching rows by {@code keep}, then lists them in {@code order}. */
    static <T> CappedRows<T> of(Stream<T> source, Predicate<T> match, Comparator<T> keep, Comparator<T> order,
                                int cap) {
        // The worst kept row on top, to be pushed out by a better one: n log cap, never n rows held.
        PriorityQueue<T> best = new PriorityQueue<>(cap + 1, keep.reversed());
        int[] counted = new int[2];
        source.forEach(row -> {
            counted[1]++;
            if (!match.test(row)) {
                return;
            }
            counted[0]++;
            if (best.size() < cap) {
                best.add(row);
            } else if (cap > 0 && keep.compare(row, best.peek()) < 0) {
                best.poll();
                best.add(row);
            }
        });
        List<T> kept = new ArrayList<>(best);
        kept.sort(order);
        return new CappedRows<>(List.copyOf(kept), counted[0], counted[1]);
    }
}
