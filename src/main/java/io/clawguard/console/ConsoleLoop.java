package io.clawguard.console;

import com.googlecode.lanterna.gui2.TextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import java.io.IOException;
import java.time.Duration;

/**
 * The console's GUI thread: handles input and queued updates, redraws what changed, and when
 * there is nothing to do sleeps a short while. Lanterna's own separate thread wakes every
 * millisecond, which kept an idle console at about 5% of a core; this one wakes every
 * {@code idle}, which a person cannot notice on a keypress.
 */
public final class ConsoleLoop {
    private ConsoleLoop() {
    }

    /** Runs on the calling thread until {@code main} closes. */
    public static void run(TextGUIThread thread, Window main, Duration idle) throws IOException {
        while (main.getTextGUI() != null) {
            if (!thread.processEventsAndUpdate()) {
                try {
                    Thread.sleep(idle.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
