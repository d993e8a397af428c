package io.clawguard.broker;

import io.clawguard.files.ProcessGroup;
import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import io.clawguard.wire.ProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running command and its requester: output goes out as it is written, input comes in
 * within a window (so at most {@link #WINDOW} bytes of it are ever held here), and when the
 * requester goes away the command's process group gets SIGTERM, then SIGKILL after the grace
 * period. Memory per run stays bounded whatever either side does: output is never buffered
 * beyond one chunk, because a slow requester simply stops the command's writes.
 */
final class CommandRelay {
    static final int WINDOW = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CommandRelay.class);
    private static final byte[] END = new byte[0];
    private static final int CHUNK = 16 * 1024;
    private static final Duration DRAIN = Duration.ofSeconds(2);

    /** Sees what passes through the relay: the command's output and the requester's input (a recording). */
    interface Tap {
        Tap NONE = new Tap() {
            @Override
            public void output(boolean stderr, byte[] bytes, int length) {
            }

            @Override
            public void input(byte[] bytes) {
            }
        };

        void output(boolean stderr, byte[] bytes, int length);

        void input(byte[] bytes);
    }

    private final FrameStream frames;
    private final Duration grace;
    private final Runnable onInterrupt;
    private final Tap tap;
    private final Runnable alsoKill;
    private final BlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicBoolean inputEnded = new AtomicBoolean();
    private final AtomicBoolean terminated = new AtomicBoolean();
    /** Set once the command has ended: a requester leaving after that ends nothing, and nothing is signalled. */
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Process process;

    /**
     * {@code onInterrupt} records that the requester went away while the command ran; {@code tap}
     * sees the streams; {@code alsoKill} ends, with the group's SIGKILL, what left the group.
     */
    CommandRelay(FrameStream frames, Duration grace, Runnable onInterrupt, Tap tap, Runnable alsoKill) {
        this.frames = frames;
        this.grace = grace;
        this.onInterrupt = onInterrupt;
        this.tap = tap;
        this.alsoKill = alsoKill;
    }

    /** Relays a started process until it ends; returns its exit code (128 + signal when killed). */
    int relay(Process p) throws IOException {
        process = p;
        frames.write(Frame.window(Frame.STARTED, WINDOW));
        Thread out = pump(p.getInputStream(), Frame.STDOUT, "relay-stdout");
        Thread err = pump(p.getErrorStream(), Frame.STDERR, "relay-stderr");
        Thread in = feeder(p.getOutputStream());
        if (gone.get()) {
            terminate();
        }
        int code = waitFor(p);
        ended.set(true);
        in.interrupt();
        join(out);
        join(err);
        return code;
    }

    /** Standard input from the requester; more than the window allows breaks the protocol. */
    void stdin(byte[] data) throws ProtocolException {
        if (inputEnded.get()) {
            throw new ProtocolException("standard input after its end");
        }
        if (data.length == 0) {
            // Empty frames would cost the window nothing and the queue a node each: unbounded memory.
            throw new ProtocolException("an empty standard input frame");
        }
        if (outstanding.addAndGet(data.length) > WINDOW) {
            throw new ProtocolException("standard input beyond the window the broker granted");
        }
        input.add(data);
    }

    void stdinEnd() throws ProtocolException {
        if (!inputEnded.compareAndSet(false, true)) {
            throw new ProtocolException("standard input ended twice");
        }
        input.add(END);
    }

    /** The requester hung up or broke the protocol: the command is ended. Safe to call repeatedly. */
    void requesterGone() {
        if (gone.compareAndSet(false, true) && process != null) {
            terminate();
        }
    }

    private void terminate() {
        if (ended.get() || !terminated.compareAndSet(false, true)) {
            return;
        }
        Process p = process;
        onInterrupt.run();
        ProcessGroup.signal(p.pid(), ProcessGroup.SIGTERM);
        Thread killer = new Thread(() -> {
            try {
                p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(grace.toMillis() / 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                // Whatever is left of the group after the grace period, leader or not, is killed:
                // a child that ignores SIGTERM must not outlive its requester.
                ProcessGroup.signal(p.pid(), ProcessGroup.SIGKILL);
                alsoKill.run();
            }
        }, "relay-kill");
        killer.setDaemon(true);
        killer.start();
    }

    private Thread pump(InputStream from, byte type, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[CHUNK];
            try (from) {
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    tap.output(type == Frame.STDERR, buffer, n);
                    if (!gone.get()) {
                        try {
                            frames.write(type, buffer, n);
                        } catch (IOException e) {
                            requesterGone();
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("reading the command's output ended", e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Writes the requester's input to the command, granting the window back as it goes. */
    private Thread feeder(OutputStream to) {
        Thread t = new Thread(() -> {
            boolean open = true;
            try {
                for (byte[] chunk = input.take(); chunk != END; chunk = input.take()) {
                    tap.input(chunk);
                    if (open) {
                        try {
                            to.write(chunk);
                            to.flush();
                        } catch (IOException e) {
                            open = false;
                        }
                    }
                    outstanding.addAndGet(-chunk.length);
                    frames.write(Frame.window(Frame.WINDOW, chunk.length));
                }
            } catch (IOException | InterruptedException e) {
                LOG.debug("feeding the command's input ended", e);
            } finally {
                try {
                    to.close();
                } catch (IOException e) {
                    LOG.debug("closing the command's input failed", e);
                }
            }
        }, "relay-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int waitFor(Process p) {
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // The command runs as root: keep waiting so its end is recorded.
                Thread.interrupted();
            }
        }
    }

    /** Output still buffered is delivered; a background process holding the pipes is not waited for. */
    private static void join(Thread t) {
        try {
            t.join(DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
