package io.clawguard.console;

import io.clawguard.audit.AuditAction.Tone;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The tail of the audit log that the activity pane shows, oldest first. It holds at most
 * {@link #KEPT} lines; when full, the oldest line that is not an alert goes, so a flood of
 * port and egress records never pushes a block or a denial out of the console. The log
 * itself keeps everything ({@code clawguard audit tail}).
 */
final class ActivityTail {
    /** A tall terminal shows under a hundred lines of it; the rest is there to scroll back through. */
    static final int KEPT = 500;

    private final Deque<ActivityLine> lines = new ArrayDeque<>();
    private long received;

    void add(ActivityLine line) {
        received++;
        lines.addLast(line);
        if (lines.size() > KEPT) {
            dropOldestOrdinary();
        }
    }

    private void dropOldestOrdinary() {
        for (Iterator<ActivityLine> it = lines.iterator(); it.hasNext(); ) {
            if (it.next().severity() != Tone.BAD) {
                it.remove();
                return;
            }
        }
        lines.removeFirst();
    }

    List<ActivityLine> lines() {
        return new ArrayList<>(lines);
    }

    /** Every line received since the console started, kept or not. */
    long received() {
        return received;
    }
}
