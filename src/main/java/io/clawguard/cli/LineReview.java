package io.clawguard.cli;

import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineReview;
import java.io.PrintWriter;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The baseline review for plain terminals and scripted sessions: one rule at a time, keep,
 * drop, comment or quit, then a summary and a confirmation before anything is written.
 */
final class LineReview {
    private LineReview() {
    }

    /** True when the admin confirmed writing the reviewed rules. */
    static boolean run(Terminal terminal, BaselineReview review) {
        PrintWriter out = terminal.writer();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            out.println("Reviewing " + review.items().size() + " rules for " + review.kind().fileName()
                    + ": k keep, d drop, c comment, q stop and go to the summary (Enter keeps).");
            for (int i = 0; i < review.items().size(); i++) {
                if (!reviewOne(out, reader, review, i)) {
                    break;
                }
            }
            out.println();
            for (BaselineItem item : review.items()) {
                out.println((item.keep() ? "  keep  " : "  drop  ") + item.display()
                        + (item.comment() == null ? "" : "  # " + item.comment()));
            }
            out.println(review.summary());
            String answer = reader.readLine("Write " + review.kept() + " rules to " + review.kind().fileName()
                    + "? [y/N] ").strip().toLowerCase(Locale.ROOT);
            return answer.equals("y") || answer.equals("yes");
        } catch (EndOfFileException | UserInterruptException e) {
            out.println("review abandoned; nothing written");
            return false;
        } finally {
            out.flush();
        }
    }

    /** Asks about one rule until it is kept or dropped; false when the admin quits. */
    private static boolean reviewOne(PrintWriter out, LineReader reader, BaselineReview review, int i) {
        BaselineItem item = review.items().get(i);
        out.printf("%n[%d/%d] %s%n      from: %s%s%n", i + 1, review.items().size(), item.display(), item.origin(),
                item.inUse() ? "" : "  (not in use now)");
        while (true) {
            String answer = reader.readLine("keep, drop, comment or quit [k/d/c/q] ").strip().toLowerCase(Locale.ROOT);
            switch (answer) {
                case "", "k", "keep" -> {
                    review.keep(i, true);
                    return true;
                }
                case "d", "drop" -> {
                    review.keep(i, false);
                    return true;
                }
                case "c", "comment" -> review.comment(i, reader.readLine("justification: "));
                case "q", "quit" -> {
                    return false;
                }
                default -> out.println("answer k, d, c or q");
            }
        }
    }
}
