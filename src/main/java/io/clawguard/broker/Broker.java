package io.clawguard.broker;

import io.clawguard.Product;
import io.clawguard.approval.ApprovalDesk;
import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.approval.ScriptReader;
import io.clawguard.attach.AdminLink;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditAlarm;
import io.clawguard.audit.AuditChainBrokenException;
import io.clawguard.audit.AuditChainWatch;
import io.clawguard.audit.AuditLog;
import io.clawguard.audit.AuditSegments;
import io.clawguard.audit.NetworkAuditWriter;
import io.clawguard.audit.Pacer;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.Tick;
import io.clawguard.compliance.Assessor;
import io.clawguard.compliance.ComplianceMonitor;
import io.clawguard.compliance.ControlCatalog;
import io.clawguard.compliance.OpenClawHome;
import io.clawguard.compliance.ThisHost;
import io.clawguard.files.StateHome;
import io.clawguard.forward.SyslogForwarder;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.metrics.MetricsExporter;
import io.clawguard.monitor.CachingResolver;
import io.clawguard.monitor.NetworkMonitor;
import io.clawguard.monitor.SocketCollector;
import io.clawguard.policy.CommandValidator;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.InvalidCommandException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker: everything but the screen. It holds the agent socket (requests, checked, decided
 * and run by the broker itself), the admin socket (consoles attach, see the state and the
 * events, decide), the policy, the elevation state and its idle timer, the network monitor,
 * the scorecard and the audit log. {@code clawguard broker} runs it as a service;
 * {@code clawguard console} runs it in its own process when no broker is running. It knows
 * nothing of Lanterna.
 */
public final class Broker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    static final Path SETSID = Path.of("/usr/bin/setsid");
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    static final Path BASH = Path.of("/bin/bash");
    /** Reads a bound script as its requester (through setpriv): only what the requester may read is copied. */
    static final Path CAT = Path.of("/usr/bin/cat");
    /** Follows each approved run's process tree (Debian's strace): every program it starts is audited. */
    static final Path STRACE = Path.of("/usr/bin/strace");
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    /** Consoles and decisions one admin holds open at once: far above use, far below the threads it would cost. */
    private static final int ADMIN_CONNECTIONS_PER_UID = 64;
    /** The background pass over the whole audit log: soon after start, then hourly, at a rate that leaves the disk be. */
    private static final Duration FULL_PASS_EVERY = Duration.ofHours(1);
    private static final Duration FIRST_FULL_PASS = Duration.ofMinutes(1);
    private static final long FULL_PASS_BYTES_PER_SECOND = 32L << 20;

    /** How one broker is set up; {@code collector} null means the network is not watched. */
    public record Settings(StateHome home, GuardConfig config, int ownUid, Duration approvalTimeout,
                           Duration scanInterval, SocketCollector collector, Clock clock) {
    }

    private final Settings settings;
    private final EventBus bus = new EventBus();
    private final ElevationGate gate;
    private final PendingApprovals pending;
    private final AdminHub hub;
    private final BrokerState state;
    private final List<SocketListener> listeners = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AuditAlarm auditAlarm = new AuditAlarm();
    private final AuditChainWatch auditWatch;
    private CachingResolver resolver;

    private Broker(Settings s, PeerRules peers, CommandLauncher launcher, ScriptReader scripts) throws IOException {
        this.settings = s;
        this.auditWatch = new AuditChainWatch(s.home().auditLog(), auditAlarm, true);
        this.gate = new ElevationGate(new ElevationGate.Dependencies(s.home(), CommandValidator.onThisHost(), s.clock(),
                bus, s.ownUid(), auditLog(), scripts));
        this.pending = new PendingApprovals(bus, s.clock(), s.approvalTimeout());
        ApprovalDesk desk = new ApprovalDesk(pending, SecondFactors.configured(s.config(), s.ownUid()), gate.audit(),
                bus, s.clock());
        Optional<NetworkMonitor> network = Optional.empty();
        if (s.collector() != null) {
            resolver = CachingResolver.system(s.clock(), Duration.ofMinutes(5));
            network = Optional.of(new NetworkMonitor(s.home(), s.collector(), resolver, bus));
        }
        this.state = new BrokerState(bus, gate, pending, s.home().auditLog(), network, s.clock());
        ExecutorService work = executor(Executors.newSingleThreadExecutor(daemon("admin-actions")));
        this.hub = new AdminHub(bus, state::snapshot, new BrokerInfo(hostname(), s.config().agentsNamed(),
                desk.secondFactorRequired()), new AdminActions(desk, gate, new BaselineKeeper(s.home(), s.collector(),
                gate.audit(), s.clock()), s.home().auditLog()), work);
        PeerCheck check = new PeerCheck(peers, gate.audit());
        AgentContext agents = new AgentContext(gate, pending, check, launcher, s.approvalTimeout(), KILL_GRACE,
                hub::attached, new PeerLoad(s.config().maxPendingPerUid()),
                new DiskRoom(s.home().logDir(), s.config().minFreeMegabytes()), auditWatch,
                new AgentContext.Recordings(s.home().logDir().resolve("recordings"),
                        s.config().recordingMaxMegabytes() << 20));
        // Room past the open-request limit, so a peer at it still reads why it was refused.
        int agentConnections = s.config().maxPendingPerUid() + 64;
        listeners.add(new SocketListener(s.home().agentSocket(), s.config().agentsNamed() ? "rw-rw-rw-" : "rw-------",
                "agent-connection", agentConnections, p -> check.tooManyConnections(p, "agent", agentConnections),
                socket -> serve(() -> new AgentSession(socket, agents).serve())));
        listeners.add(new SocketListener(s.home().adminSocket(), s.config().adminsNamed() ? "rw-rw-rw-" : "rw-------",
                "admin-connection", ADMIN_CONNECTIONS_PER_UID,
                p -> check.tooManyConnections(p, "admin", ADMIN_CONNECTIONS_PER_UID),
                socket -> serve(() -> new AdminSession(socket, hub, check, uid -> UserNames.of(uid)).serve())));
    }

    /**
     * Prepares the folders, binds both sockets (failing when a broker already answers), records
     * the start and starts the timers and monitors.
     */
    public static Broker start(Settings s) throws IOException, InvalidJsonFileException {
        BrokerFolders.prepare(s.home(), s.config());
        PeerRules peers = PeerRules.of(s.config(), s.ownUid(), Path.of("/etc/passwd"), Path.of("/etc/group"));
        Broker b = new Broker(s, peers, new CommandLauncher(helper(SETSID), helper(SETPRIV), helper(BASH),
                CommandLauncher.homeOf(s.ownUid(), Path.of("/etc/passwd")), s.ownUid() == 0, optionalHelper(STRACE),
                s.home().dir().resolve("spool"),
                RunCgroups.find(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup")).orElse(null)),
                new RequesterReads(helper(SETPRIV), helper(CAT), s.ownUid()));
        try {
            for (SocketListener l : b.listeners) {
                l.start();
            }
            b.begin();
        } catch (IOException | RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    /** strace when it is installed and passes the same checks: without it, a run's children are not followed. */
    private static Path optionalHelper(Path program) {
        try {
            return helper(program);
        } catch (IOException absent) {
            LOG.warn("{}: children of approved commands are not followed", absent.getMessage());
            return null;
        }
    }

    /** A program commands are started through (util-linux, bash): checked like any command the broker runs. */
    private static Path helper(Path program) throws IOException {
        try {
            return CommandValidator.onThisHost().validateCommand(List.of(program.toString()));
        } catch (InvalidCommandException e) {
            throw new IOException("the broker starts commands through " + program + ": " + e.getMessage());
        }
    }

    /** A writer of the audit log: every one in the broker rotates alike and shares the alarm. */
    private AuditLog auditLog() {
        return new AuditLog(settings.home().auditLog(), settings.clock(), settings.config().auditRotateMegabytes() << 20,
                auditAlarm);
    }

    private MetricsExporter.AuditFigures auditFigures() {
        long bytes;
        try {
            bytes = AuditSegments.totalBytes(settings.home().auditLog());
        } catch (IOException e) {
            bytes = -1;
        }
        return new MetricsExporter.AuditFigures(bytes, auditWatch.lastVerifiedSeq(), auditAlarm.reason() == null);
    }

    private void firstAuditCheck() {
        try {
            auditWatch.verify();
        } catch (ClosedByInterruptException stopping) {
            LOG.debug("audit check stopped by shutdown", stopping);
        } catch (IOException e) {
            LOG.warn("the audit log could not be verified", e);
        }
    }

    private void fullAuditPass() {
        try {
            auditWatch.fullPass(Pacer.atMost(FULL_PASS_BYTES_PER_SECOND));
        } catch (ClosedByInterruptException | InterruptedIOException stopping) {
            LOG.debug("full audit pass stopped by shutdown", stopping);
        } catch (IOException e) {
            LOG.warn("the background pass over the audit log failed", e);
        }
    }

    private void begin() throws IOException {
        // Also sets aside a torn last line a crash may have left in the log, and records that.
        try {
            gate.audit().append(AuditAction.BROKER_STARTED, BrokerState.startFields(settings.home(), settings.ownUid()));
        } catch (AuditChainBrokenException e) {
            // Up, so the console can show why: every request writes its first record before anyone
            // is asked or anything runs, so while the chain stays broken each one is refused.
            LOG.error("{}", e.getMessage());
        }
        NetworkAuditWriter.subscribe(bus, auditLog());
        ScheduledExecutorService verifier = scheduled("audit-verifier");
        // From the checkpoint this costs what was added since (from the start without one); requests wait for it.
        verifier.execute(this::firstAuditCheck);
        verifier.scheduleWithFixedDelay(this::fullAuditPass, FIRST_FULL_PASS.toSeconds(), FULL_PASS_EVERY.toSeconds(),
                TimeUnit.SECONDS);
        ScheduledExecutorService ticker = scheduled("broker-ticker");
        bus.subscribe(Tick.class, t -> state.expireIfIdle());
        ticker.scheduleWithFixedDelay(() -> bus.publish(new Tick(settings.clock().instant())), 1, 1, TimeUnit.SECONDS);
        state.network().ifPresent(n -> n.start(scheduled("network-scanner"), settings.scanInterval()));
        if (settings.config().metricsFolder() != null) {
            new MetricsExporter(settings.config().metricsFolder(), settings.clock(), () -> pending.snapshot().size(),
                    this::auditFigures).start(bus, scheduled("metrics"));
        }
        if (settings.config().syslog() != null) {
            SyslogForwarder.of(settings.config().syslog(), settings.home().auditLog(), bus, settings.clock(),
                    hostname(), Product.VERSION).start(scheduled("syslog-forwarder"));
        }
        new ComplianceMonitor(Assessor.builtIn(), ControlCatalog.builtIn(), settings.home(),
                OpenClawHome.onThisHost(null, settings.config().agentUsers()), new ThisHost(),
                () -> state.network().flatMap(NetworkMonitor::lastScan), auditWatch, bus, settings.clock(), hostname())
                .start(scheduled("compliance"), Duration.ofSeconds(30));
    }

    /** A console in this very process (the same-user install): its keys are the admin's. */
    public AdminLink localConsole(String adminName) {
        return new LocalAdminLink(hub, new ApprovalDesk.Admin(settings.ownUid(), adminName, true));
    }

    /** The events, for tests and the in-process wiring. */
    public EventBus bus() {
        return bus;
    }

    public PendingApprovals pending() {
        return pending;
    }

    /** Denies what waits, closes both sockets (ending running commands), stops the timers; safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Scans and assessments are stopped (their files are written whole or not at all), and
        // nothing writes into the folders after close returns.
        executors.forEach(ExecutorService::shutdownNow);
        for (ExecutorService e : executors) {
            try {
                e.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        pending.denyAll("the broker stopped");
        for (SocketListener l : listeners) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.warn("closing a broker socket failed", e);
            }
        }
        if (resolver != null) {
            resolver.close();
        }
        try {
            gate.audit().append(AuditAction.BROKER_STOPPED, BrokerState.startFields(settings.home(), settings.ownUid()));
        } catch (AuditChainBrokenException e) {
            LOG.warn("could not record the broker's stop: {}", e.getMessage());
        } catch (IOException e) {
            LOG.warn("could not record the broker's stop", e);
        }
    }

    private ScheduledExecutorService scheduled(String name) {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(daemon(name));
        executors.add(e);
        return e;
    }

    private ExecutorService executor(ExecutorService e) {
        executors.add(e);
        return e;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** A connection's work; its failure is logged by the listener, never thrown at the accept loop. */
    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    private static void serve(Work work) {
        try {
            work.run();
        } catch (IOException e) {
            LOG.debug("a connection ended", e);
        }
    }

    static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
