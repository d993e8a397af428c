package io.clawguard.compliance;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditChainWatch;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.NetworkScan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the scorecard current: assesses again half a second after the network changed or a
 * baseline was saved, ten seconds after other audit records (a busy broker must not pay for
 * an assessment per request), and on a slow timer for what sends no event (a file edited by
 * hand, an audit line tampered with). Runs off the publishing thread; a burst of events
 * causes one assessment.
 */
public final class ComplianceMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ComplianceMonitor.class);
    private static final Duration SOON = Duration.ofMillis(500);
    private static final Duration LATER = Duration.ofSeconds(10);

    private final Assessor assessor;
    private final ControlCatalog catalog;
    private final StateHome home;
    private final Path openclawDir;
    private final HostFacts host;
    private final Supplier<Optional<NetworkScan>> network;
    private final EventBus bus;
    private final Clock clock;
    private final String hostname;
    private final AtomicBoolean soonQueued = new AtomicBoolean();
    private final AtomicBoolean laterQueued = new AtomicBoolean();
    private final AuditChainWatch auditVerification;
    private ScheduledExecutorService executor;

    public ComplianceMonitor(Assessor assessor, ControlCatalog catalog, StateHome home, Path openclawDir, HostFacts host,
                             Supplier<Optional<NetworkScan>> network, AuditChainWatch audit, EventBus bus, Clock clock,
                             String hostname) {
        this.assessor = assessor;
        this.catalog = catalog;
        this.home = home;
        this.openclawDir = openclawDir;
        this.host = host;
        this.network = network;
        this.bus = bus;
        this.clock = clock;
        this.hostname = hostname;
        this.auditVerification = audit;
    }

    /** Subscribes to the events that can change a check and assesses every {@code period}. */
    public void start(ScheduledExecutorService executor, Duration period) {
        this.executor = executor;
        bus.subscribe(NetworkChanged.class, e -> after(soonQueued, SOON));
        bus.subscribe(AuditRecorded.class, e -> {
            if (AuditAction.named(e.record().get("action")).orElse(null) == AuditAction.BASELINE_SAVED) {
                after(soonQueued, SOON);
            } else {
                after(laterQueued, LATER);
            }
        });
        executor.scheduleWithFixedDelay(this::runQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One run per delay class at a time: a queued slow run never holds back a quick one. */
    private void after(AtomicBoolean queued, Duration delay) {
        if (executor != null && queued.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    queued.set(false);
                    runQuietly();
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // The broker's stop record arrives after its executors shut down: nothing is left to assess for.
                queued.set(false);
            }
        }
    }

    private void runQuietly() {
        try {
            Instant now = clock.instant();
            Assessment a = assessor.assess(new Signals(home, openclawDir, host, network.get(), auditVerification, now),
                    now, hostname);
            publish(a);
            new Notifier(home.complianceState(), home.notifyConfig()).process(a);
        } catch (java.nio.channels.ClosedByInterruptException e) {
            // Stopped mid-write on shutdown: the state file is written whole or not at all.
            LOG.debug("assessment stopped by shutdown", e);
        } catch (IOException | InvalidJsonFileException | RuntimeException e) {
            LOG.error("assessment or notification failed", e);
        }
    }

    /** Publishes an assessment as the scorecard event. */
    public void publish(Assessment a) {
        List<ScorecardChanged.CheckView> views = new ArrayList<>();
        for (ScoredCheck s : a.checks()) {
            List<String> controls = new ArrayList<>();
            s.control().iso27001().forEach(id -> controls.add("ISO 27001 " + id + " " + catalog.iso27001().getOrDefault(id, "")));
            s.control().nistCsf().forEach(id -> controls.add("NIST CSF " + id + " " + catalog.nistCsf().getOrDefault(id, "")));
            s.control().nistSp80053().forEach(id -> controls.add("SP 800-53 " + id + " "
                    + catalog.nistSp80053().getOrDefault(id, "")));
            views.add(new ScorecardChanged.CheckView(s.control().checkId(), s.control().title(), s.result().status().wire(),
                    s.result().risk(), s.control().expectedState(), s.result().observed(), s.result().evidence(),
                    s.result().gap(), s.result().mitigation(), controls));
        }
        bus.publish(new ScorecardChanged(a.score(), a.coverage().describe(), a.coverage().percent(), a.band(),
                a.byStatus(), a.byRisk(), views, a.generatedAt()));
    }
}
