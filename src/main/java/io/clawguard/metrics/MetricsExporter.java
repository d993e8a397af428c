package io.clawguard.metrics;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code clawguard.prom} in node_exporter's textfile folder current: written whole (a
 * temp file renamed over it) half a second after anything it shows changed, a burst of events
 * making one write, and every few seconds besides so the idle countdown moves. The file is
 * readable by all (0644): node_exporter runs as a user of its own, and nothing in it is secret.
 */
public final class MetricsExporter {
    public static final String FILE_NAME = "clawguard.prom";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsExporter.class);
    private static final Duration SOON = Duration.ofMillis(500);
    private static final Duration EVERY = Duration.ofSeconds(5);

    /** What the audit log shows: its size, the last record verified, and whether the chain holds. */
    public record AuditFigures(long bytes, long lastVerifiedSeq, boolean intact) {
    }

    private final Path file;
    private final Clock clock;
    private final IntSupplier pending;
    private final Supplier<AuditFigures> audit;
    private final Map<String, Long> decisions = new ConcurrentHashMap<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile ElevationChanged elevation;
    private volatile ScorecardChanged scorecard;
    private volatile Map<String, Long> findings = Map.of();
    private volatile Boolean scanOk;
    private volatile MetricsSnapshot.Forwarding syslog;
    private ScheduledExecutorService executor;

    public MetricsExporter(Path folder, Clock clock, IntSupplier pending, Supplier<AuditFigures> audit) {
        this.file = folder.resolve(FILE_NAME);
        this.clock = clock;
        this.pending = pending;
        this.audit = audit;
    }

    public void start(EventBus bus, ScheduledExecutorService executor) {
        this.executor = executor;
        bus.subscribe(ApprovalRequested.class, e -> soon());
        bus.subscribe(ApprovalDecided.class, e -> {
            decisions.merge(e.outcome(), 1L, Long::sum);
            soon();
        });
        bus.subscribe(ElevationChanged.class, e -> {
            elevation = e;
            soon();
        });
        bus.subscribe(ScorecardChanged.class, e -> {
            scorecard = e;
            soon();
        });
        bus.subscribe(NetworkChanged.class, e -> {
            findings = e.findings().stream()
                    .collect(Collectors.groupingBy(NetworkChanged.FindingView::kind, Collectors.counting()));
            scanOk = e.scanError() == null;
            soon();
        });
        bus.subscribe(AuditRecorded.class, e -> soon());
        bus.subscribe(ForwardingChanged.class, e -> {
            syslog = new MetricsSnapshot.Forwarding(e.queued(), e.state().equals(ForwardingChanged.FAILING));
            soon();
        });
        executor.scheduleWithFixedDelay(this::writeQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void soon() {
        if (executor != null && queued.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    queued.set(false);
                    writeQuietly();
                }, SOON.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    /** The figures now. */
    MetricsSnapshot snapshot() {
        ElevationChanged e = elevation;
        boolean elevated = e != null && e.elevated() && e.lastActivity() != null;
        long left = elevated ? Math.max(0, Duration.between(clock.instant(), e.lastActivity().plus(e.idleTimeout()))
                .toSeconds()) : 0;
        ScorecardChanged card = scorecard;
        Map<MetricsSnapshot.StatusRisk, Long> checks = new HashMap<>();
        if (card != null) {
            card.checks().forEach(c -> checks.merge(new MetricsSnapshot.StatusRisk(c.status(), c.risk()), 1L, Long::sum));
        }
        AuditFigures a = audit.get();
        return new MetricsSnapshot(pending.getAsInt(), elevated, left, card == null ? null : card.score(),
                card == null ? null : card.coveragePercent(), checks,
                scanOk, findings, a.bytes(), a.lastVerifiedSeq(), a.intact(), decisions, syslog);
    }

    void write() throws IOException {
        AtomicFile.write(file, PromText.of(snapshot()).getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-r--r--"));
    }

    private void writeQuietly() {
        try {
            write();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write {}", file, e);
        }
    }
}
