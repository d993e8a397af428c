package io.clawguard.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an approved run's process tree through the trace strace writes for it: every program
 * a process of the run starts is handed on, with its parent, as soon as the line is written
 * (the file is read every {@link #POLL_MS} ms). strace traces through ptrace, so a program that
 * lives for a microsecond is seen as surely as one that runs for an hour. The first
 * {@code ownExecs} programs of the run's first process are the launcher's and the approved
 * command itself, not children.
 */
final class ChildWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ChildWatch.class);
    static final long POLL_MS = 5;

    /** A program started under the run: its pid, its parent's pid (0 when not seen), the file and the argv. */
    record Child(long pid, long parentPid, String exe, List<String> argv) {
    }

    private final Path trace;
    private final int ownExecs;
    private final Consumer<Child> sink;
    private final Runnable unwatched;
    private final Map<Long, Long> parents = new HashMap<>();
    /** Every process the run made, with its start time: a process that left the group (setsid) is still the run's. */
    private final Map<Long, Instant> made = new ConcurrentHashMap<>();
    private final Map<Long, StraceLine.Pending> pending = new HashMap<>();
    private long offset;
    private long firstPid = -1;
    private int firstPidExecs;
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean stopping;
    private Thread thread;

    /**
     * {@code unwatched} is run when the trace can no longer be followed (unreadable, or a line that
     * could not be handled): a run whose children are not seen is not left to go on unchecked.
     */
    ChildWatch(Path trace, int ownExecs, Consumer<Child> sink, Runnable unwatched) {
        this.trace = trace;
        this.ownExecs = ownExecs;
        this.sink = sink;
        this.unwatched = unwatched;
    }

    void start() {
        thread = new Thread(() -> {
            try {
                while (!stopping) {
                    readMore();
                    Thread.sleep(POLL_MS);
                }
                readMore();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                if (stopping) {
                    // The run is over (its trace may be removed already): nothing is left to end, and its pid may be reused.
                    LOG.warn("cannot read the rest of the process trace {}", trace, e);
                } else {
                    LOG.error("cannot follow the process trace {}; ending the run", trace, e);
                    unwatched.run();
                }
            }
        }, "child-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** After the run ended: reads what is left of the trace, then stops. */
    void finish() {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The trace was made before the run started: gone or unreadable, it is an error, not "nothing yet". */
    private void readMore() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(trace.toFile(), "r")) {
            long size = f.length();
            if (size <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(size - offset, 1 << 20)];
            f.seek(offset);
            f.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.ISO_8859_1));
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                // strace writes ASCII (other bytes escaped), so ISO-8859-1 keeps each byte as it is.
                line(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
        }
    }

    private void line(String text) {
        Optional<StraceLine> parsed = StraceLine.parse(text);
        if (parsed.isEmpty()) {
            return;
        }
        StraceLine l = parsed.get();
        if (l instanceof StraceLine.Spawn s) {
            parents.put(s.child(), s.parent());
            ProcessHandle.of(s.child()).flatMap(h -> h.info().startInstant()).ifPresent(t -> made.put(s.child(), t));
        } else if (l instanceof StraceLine.Pending p) {
            pending.put(p.pid(), p);
        } else if (l instanceof StraceLine.Resumed r) {
            StraceLine.Pending p = pending.remove(r.pid());
            if (p != null && r.ok()) {
                exec(p.pid(), p.path(), p.argv());
            }
        } else if (l instanceof StraceLine.Exec e) {
            exec(e.pid(), e.path(), e.argv());
        }
    }

    /**
     * Kills every process the run made that still lives, in its process group or not: a child
     * that started a session of its own escapes a signal to the group, not this. A pid is only
     * signalled while it is the same process (same start time), never one the system reused.
     */
    void killAll() {
        made.forEach((pid, started) -> ProcessHandle.of(pid)
                .filter(h -> h.info().startInstant().map(started::equals).orElse(false))
                .ifPresent(ProcessHandle::destroyForcibly));
    }

    private void exec(long pid, String path, List<String> argv) {
        if (firstPid < 0) {
            firstPid = pid;
        }
        if (pid == firstPid && firstPidExecs++ < ownExecs) {
            return;
        }
        sink.accept(new Child(pid, parents.getOrDefault(pid, 0L), exe(pid, path), argv));
    }

    /**
     * The file the process runs, as the kernel has it ({@code /proc/PID/exe}): a symlink of another
     * name, a path given relative to a descriptor, or none at all (fexecve) all lead to the real
     * program. The path the trace shows stands in when the process is gone already.
     */
    private static String exe(long pid, String traced) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")).toString();
        } catch (IOException | UnsupportedOperationException gone) {
            return traced;
        }
    }
}
