package io.clawguard.console;

import java.util.Locale;

/** Numbers as the panes print them: digits grouped ({@code 40,000}), and the line that ends a cut list. */
final class Counts {
    private Counts() {
    }

    static String of(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The last line of a pane that could not show every row: how many it left out. */
    static String andMore(long n) {
        return "… and " + of(n) + " more";
    }
}
