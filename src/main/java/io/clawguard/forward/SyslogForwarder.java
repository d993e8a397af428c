package io.clawguard.forward;

import io.clawguard.audit.AuditChain;
import io.clawguard.audit.AuditResume;
import io.clawguard.audit.AuditTail;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every chained audit record to the syslog collector, in order, on a thread of its own.
 * It reads the log (the source of truth, and the on-disk queue: nothing is copied), so a
 * decision never waits for the network and an outage costs no disk and at most a few
 * megabytes read ahead (a record of any size the log accepts goes whole). Records go
 * in batches, each on a connection of its own that counts as delivered only when the collector
 * closed it cleanly after reading all of it (see {@link SyslogTransport}); the last delivered
 * record is kept in {@link ForwardCursor}, and after an outage or a restart sending resumes
 * just after it. The seed's unchained lines are the old tool's history and are not sent.
 */
public final class SyslogForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(SyslogForwarder.class);
    /** Records in one batch at most: what a failed batch costs to send again. */
    static final int MAX_BATCH = 2_000;
    private static final int MAX_BATCH_BYTES = 4 << 20;
    /** Records read ahead of sending at most, by count and by bytes: the rest stays in the log. */
    private static final int MAX_UNSENT = 10_000;
    private static final long MAX_UNSENT_BYTES = 8L << 20;
    private static final Duration CONFIRM_WAIT = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final long SECOND = 1_000_000_000L;

    private record Outgoing(long seq, String hash, byte[] message) {
    }

    private final SyslogSettings settings;
    private final Path log;
    private final SyslogTransport.Opener opener;
    private final SyslogMessage format;
    private final EventBus bus;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong newest = new AtomicLong();
    private final Deque<Outgoing> unsent = new ArrayDeque<>();
    private long unsentBytes;
    private AuditTail tail;
    private long readUpTo;
    private ForwardCursor delivered = ForwardCursor.NONE;
    private Duration retry = FIRST_RETRY;
    private long retryAtNanos;
    private String problem;
    private ForwardingChanged shown;
    private long shownAtNanos;
    private long progressAtNanos = System.nanoTime();

    SyslogForwarder(SyslogSettings settings, Path log, SyslogTransport.Opener opener, SyslogMessage format,
                    EventBus bus, Clock clock) {
        this.settings = settings;
        this.log = log;
        this.opener = opener;
        this.format = format;
        this.bus = bus;
        this.clock = clock;
    }

    /** The forwarder the settings describe, sending as this host and process. */
    public static SyslogForwarder of(SyslogSettings s, Path log, EventBus bus, Clock clock, String hostname,
                                     String version) {
        return new SyslogForwarder(s, log, opener(s), new SyslogMessage(s, hostname, ProcessHandle.current().pid(),
                version), bus, clock);
    }

    static SyslogTransport.Opener opener(SyslogSettings s) {
        return switch (s.transport()) {
            case UDP -> () -> new UdpTransport(s.host(), s.port());
            case TCP -> () -> StreamTransport.tcp(s.host(), s.port());
            // The CA file is read at each connection, so a renewed one takes effect without a restart.
            case TLS -> () -> StreamTransport.tls(s.host(), s.port(), TrustedRoots.context(s.caFile()));
        };
    }

    /** The seq of the last record the collector confirmed (0 for none yet). */
    public static long confirmedThrough(Path log) {
        return ForwardCursor.read(log).seq();
    }

    public void start(ExecutorService executor) {
        bus.subscribe(AuditRecorded.class, e -> {
            if (e.record().get(AuditChain.SEQ) instanceof Number n) {
                newest.accumulateAndGet(n.longValue(), Math::max);
            }
            wake.release();
        });
        executor.execute(this::run);
    }

    private void run() {
        try {
            resume();
            while (!Thread.currentThread().isInterrupted()) {
                step();
                long waitNanos = unsent.isEmpty() ? POLL.toNanos()
                        : Math.min(POLL.toNanos(), retryAtNanos - System.nanoTime());
                if (waitNanos > 0) {
                    wake.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
                    wake.drainPermits();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where sending starts: just after the last record the collector confirmed. */
    void resume() {
        delivered = ForwardCursor.read(log);
        try {
            AuditResume.Start start = AuditResume.after(log, delivered.seq(), delivered.hash());
            tail = start.tail();
            if (!start.continues()) {
                LOG.warn("the audit log no longer holds record {} as it was sent to {}: sending the log again from"
                        + " its oldest record", delivered.seq(), settings.describe());
                delivered = ForwardCursor.NONE;
            }
        } catch (IOException e) {
            LOG.warn("cannot find where forwarding stopped in {}; sending from its oldest record", log, e);
            tail = AuditResume.fromStart(log);
            delivered = ForwardCursor.NONE;
        }
        readUpTo = delivered.seq();
        newest.accumulateAndGet(readUpTo, Math::max);
    }

    /** One round: read what is new, send one batch of it, and say how it goes. */
    void step() {
        read();
        if (!unsent.isEmpty() && System.nanoTime() >= retryAtNanos) {
            List<Outgoing> batch = batch();
            try {
                sendConfirmed(batch);
                delivered(batch.get(batch.size() - 1));
            } catch (IOException e) {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    unsent.addFirst(batch.get(i));
                    unsentBytes += batch.get(i).message().length;
                }
                failed(e);
            }
        }
        publish();
    }

    private void read() {
        while (unsent.size() < MAX_UNSENT && unsentBytes < MAX_UNSENT_BYTES) {
            List<String> lines;
            try {
                lines = tail.appended();
            } catch (IOException e) {
                problem = "cannot read " + log + ": " + e.getMessage();
                return;
            }
            if (lines.isEmpty()) {
                return;
            }
            lines.forEach(this::queue);
        }
    }

    @SuppressWarnings("unchecked")
    private void queue(String line) {
        Object parsed;
        try {
            parsed = JsonValues.parse(line);
        } catch (IOException damaged) {
            // The chain watch raises the alarm for a damaged line; there is nothing here to send.
            return;
        }
        if (parsed instanceof Map<?, ?> record && record.get(AuditChain.SEQ) instanceof Number n
                && n.longValue() > readUpTo) {
            readUpTo = n.longValue();
            newest.accumulateAndGet(readUpTo, Math::max);
            Outgoing o = new Outgoing(readUpTo, String.valueOf(record.get(AuditChain.HASH)),
                    format.format((Map<String, Object>) record));
            unsent.add(o);
            unsentBytes += o.message().length;
        }
    }

    private List<Outgoing> batch() {
        List<Outgoing> batch = new ArrayList<>();
        long bytes = 0;
        while (!unsent.isEmpty() && batch.size() < MAX_BATCH
                && (batch.isEmpty() || bytes + unsent.peek().message().length <= MAX_BATCH_BYTES)) {
            Outgoing o = unsent.poll();
            bytes += o.message().length;
            unsentBytes -= o.message().length;
            batch.add(o);
        }
        return batch;
    }

    private void sendConfirmed(List<Outgoing> batch) throws IOException {
        try (SyslogTransport connection = opener.open()) {
            connection.send(batch.stream().map(Outgoing::message).toList());
            connection.confirmAndClose(CONFIRM_WAIT);
        }
    }

    private void delivered(Outgoing last) {
        progressAtNanos = System.nanoTime();
        retry = FIRST_RETRY;
        problem = null;
        delivered = new ForwardCursor(last.seq(), last.hash());
        try {
            delivered.write(log);
        } catch (IOException e) {
            // Sending goes on; after a restart the records since the last cursor written are sent again.
            LOG.warn("cannot record how far forwarding got in {}", ForwardCursor.of(log), e);
        }
    }

    private void failed(IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (problem == null) {
            LOG.warn("sending audit records to {} failed: {}", settings.describe(), why);
        }
        problem = why;
        retryAtNanos = System.nanoTime() + retry.toNanos();
        Duration doubled = retry.multipliedBy(2);
        retry = doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
    }

    /**
     * The state now: failing while the last attempt failed; queued while records wait that are
     * more than a batch, or that saw nothing delivered for two seconds; else ok (records come and
     * go within milliseconds, and the title bar should not flicker with each).
     */
    ForwardingChanged state() {
        long queued = Math.max(0, newest.get() - delivered.seq());
        if (queued == 0) {
            progressAtNanos = System.nanoTime();
        }
        boolean waiting = queued > MAX_BATCH || (queued > 0 && System.nanoTime() - progressAtNanos > 2 * SECOND);
        String state = problem != null ? ForwardingChanged.FAILING
                : waiting ? ForwardingChanged.QUEUED : ForwardingChanged.OK;
        return new ForwardingChanged(settings.describe(), state, queued, problem, clock.instant());
    }

    /** Published when the state changes; a count that moves, at most once a second. */
    private void publish() {
        ForwardingChanged now = state();
        boolean changed = shown == null || !shown.state().equals(now.state())
                || !Objects.equals(shown.problem(), now.problem())
                || (shown.queued() != now.queued() && System.nanoTime() - shownAtNanos >= SECOND);
        if (changed) {
            shown = now;
            shownAtNanos = System.nanoTime();
            bus.publish(now);
        }
    }
}
