package io.clawguard.cli;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.screen.Screen;
import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.ApprovalToken;
import io.clawguard.approval.BrokerContext;
import io.clawguard.approval.BrokerServer;
import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.PeerPolicy;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.approval.SecondFactor;
import io.clawguard.approval.TotpFactor;
import io.clawguard.audit.AuditLog;
import io.clawguard.audit.AuditTail;
import io.clawguard.audit.NetworkAuditWriter;
import io.clawguard.bus.ApprovalTokenFailed;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.Tick;
import io.clawguard.compliance.Assessor;
import io.clawguard.compliance.ComplianceMonitor;
import io.clawguard.compliance.ControlCatalog;
import io.clawguard.compliance.ThisHost;
import io.clawguard.console.Console;
import io.clawguard.console.ConsoleActions;
import io.clawguard.console.ConsoleIdentity;
import io.clawguard.console.ConsoleModel;
import io.clawguard.console.ConsoleTheme;
import io.clawguard.console.PendingRow;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineProposal;
import io.clawguard.monitor.BaselineReview;
import io.clawguard.monitor.BaselineStore;
import io.clawguard.monitor.CachingResolver;
import io.clawguard.monitor.NetworkMonitor;
import io.clawguard.monitor.OshiSocketCollector;
import io.clawguard.policy.CommandValidator;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: one bus, the gate, the pending approvals, the broker
 * socket, the one-second ticker that drives the elevation timer and the clock, the network
 * monitor and its audit writer, and the console's actions wired to them.
 */
final class ConsoleServices {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServices.class);
    private static final int AUDIT_LINES_AT_START = 50;

    private final StateHome home;
    private final GuardConfig config;
    private final SecondFactor secondFactor;
    private final Clock clock = Clock.systemUTC();
    private final EventBus bus = new EventBus();
    private final ElevationGate gate;
    private final PendingApprovals pending;
    private final BrokerServer server;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "console-ticker");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "network-scanner");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService assessor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "compliance");
        t.setDaemon(true);
        return t;
    });
    private final CachingResolver resolver = CachingResolver.system(clock, Duration.ofMinutes(5));
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Duration scanInterval;
    private Console console;

    private ConsoleServices(StateHome home, GuardConfig config, int uid, Duration approvalTimeout,
                            Duration scanInterval, SecondFactor secondFactor) throws IOException {
        this.home = home;
        this.scanInterval = scanInterval;
        this.config = config;
        this.secondFactor = secondFactor;
        this.gate = new ElevationGate(new ElevationGate.Dependencies(home, CommandValidator.onThisHost(), clock, bus, uid));
        this.pending = new PendingApprovals(bus, clock, approvalTimeout);
        this.server = new BrokerServer(home.brokerSocket(), new BrokerContext(gate, pending,
                PeerPolicy.of(uid, config.agentUsers(), Path.of("/etc/passwd"))), !config.agentUsers().isEmpty());
    }

    /** Binds the broker socket (failing when another console runs) and starts the timer. */
    static ConsoleServices start(StateHome home, GuardConfig config, int uid, Duration approvalTimeout,
                                 Duration scanInterval) throws IOException, InvalidJsonFileException {
        ConsoleServices s = new ConsoleServices(home, config, uid, approvalTimeout, scanInterval,
                secondFactor(config, uid));
        s.server.start();
        // Also sets aside a torn last line a crash may have left in the log, and records that.
        s.gate.audit().append("console_started", s.consoleFields());
        s.bus.subscribe(Tick.class, t -> s.expireIfIdle());
        s.ticker.scheduleWithFixedDelay(() -> s.bus.publish(new Tick(s.clock.instant())), 1, 1, TimeUnit.SECONDS);
        NetworkAuditWriter.subscribe(s.bus, new AuditLog(home.auditLog(), s.clock));
        return s;
    }

    /**
     * The approver's second factor: the console's own {@code OPENCLAW_APPROVAL_TOKEN}, a token
     * file and a TOTP secret file from {@code clawguard.json}. A configured file that cannot
     * be used stops the console rather than running without the factor.
     */
    private static SecondFactor secondFactor(GuardConfig config, int uid) throws IOException {
        List<SecondFactor> factors = new ArrayList<>();
        String envToken = System.getenv("OPENCLAW_APPROVAL_TOKEN");
        if (envToken != null && !envToken.isBlank()) {
            factors.add(SecondFactor.token(ApprovalToken.of(envToken)));
        }
        if (config.approvalTokenFile() != null) {
            factors.add(SecondFactor.token(ApprovalToken.fromFile(config.approvalTokenFile(), uid)));
        }
        if (config.totpSecretFile() != null) {
            factors.add(TotpFactor.fromFile(config.totpSecretFile(), uid));
        }
        return SecondFactor.anyOf(factors);
    }

    private Map<String, Object> consoleFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("by", System.getProperty("user.name"));
        f.put("pid", ProcessHandle.current().pid());
        f.put("socket", home.brokerSocket().toString());
        return f;
    }

    private void expireIfIdle() {
        try {
            gate.expireIfIdle();
        } catch (IOException | InvalidJsonFileException e) {
            LOG.error("the elevation timer could not check the session", e);
        }
    }

    /** Builds the console on {@code gui} and fills it with the current state and the audit tail. */
    void attach(WindowBasedTextGUI gui, ConsoleTheme theme) throws IOException {
        console = new Console(gui, new ConsoleModel(clock.instant()), identity(), actions(), theme);
        console.subscribe(bus);
        for (String line : new AuditTail(home.auditLog()).last(AUDIT_LINES_AT_START)) {
            publishAuditLine(line);
        }
        try {
            bus.publish(gate.currentState());
        } catch (InvalidJsonFileException e) {
            LOG.error("cannot read the elevation state", e);
        }
        // Scanning starts once the console listens, so the first picture reaches its panes.
        NetworkMonitor network = new NetworkMonitor(home, new OshiSocketCollector(clock), resolver, bus);
        network.start(scanner, scanInterval);
        new ComplianceMonitor(Assessor.builtIn(), ControlCatalog.builtIn(), home, new ThisHost(), network::lastScan, bus,
                clock, hostname()).start(assessor, Duration.ofSeconds(30));
        console.open();
    }

    @SuppressWarnings("unchecked")
    private void publishAuditLine(String line) {
        try {
            if (JsonValues.parse(line) instanceof Map<?, ?> record) {
                bus.publish(new AuditRecorded((Map<String, Object>) record, clock.instant()));
            }
        } catch (IOException e) {
            LOG.warn("unreadable audit line skipped in the console's tail");
        }
    }

    Console console() {
        return console;
    }

    private ConsoleIdentity identity() {
        return new ConsoleIdentity(hostname(), System.getProperty("user.name"), config.agentUsers().isEmpty());
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private ConsoleActions actions() {
        String admin = System.getProperty("user.name");
        return new ConsoleActions() {
            @Override
            public boolean resolve(String requestId, ApprovalDecision decision) {
                return pending.resolve(requestId, decision);
            }

            @Override
            public SecondFactor secondFactor() {
                return secondFactor;
            }

            @Override
            public void secondFactorFailed(PendingRow row) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("argv", row.request().argv());
                f.put("request_id", row.id());
                f.put("by", admin);
                try {
                    gate.audit().append("approval_token_failed", f);
                } catch (IOException e) {
                    LOG.error("could not record a failed second factor", e);
                }
                bus.publish(new ApprovalTokenFailed(row.id(), clock.instant()));
            }

            @Override
            public void dropElevation() {
                try {
                    gate.dropNow(admin);
                } catch (IOException | InvalidJsonFileException e) {
                    LOG.error("dropping the elevation failed", e);
                }
            }

            @Override
            public BaselineReview reviewBaseline() throws Exception {
                return new BaselineReview(BaselineKind.PORTS, BaselineProposal.of(BaselineKind.PORTS,
                        home.approvedPorts(), new OshiSocketCollector(clock).collect()));
            }

            @Override
            public String saveBaseline(BaselineReview review) throws Exception {
                BaselineStore.Change change = BaselineStore.save(home.approvedPorts(), review.items(), clock.instant());
                gate.audit().append("baseline_saved", change.auditFields());
                return "baseline saved: " + review.kept() + " rules (+" + change.added().size() + " -"
                        + change.removed().size() + ")";
            }

            @Override
            public void quit() {
                pending.denyAll("the console was closed");
                console.close();
            }
        };
    }

    /** Denies what is pending, closes the socket and gives the terminal back; safe to call twice. */
    void stop(Screen screen) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        scanner.shutdownNow();
        assessor.shutdownNow();
        resolver.close();
        pending.denyAll("the console was closed");
        try {
            server.close();
            gate.audit().append("console_stopped", consoleFields());
        } catch (IOException e) {
            LOG.warn("closing the broker socket failed", e);
        }
        try {
            screen.stopScreen();
        } catch (IOException e) {
            LOG.warn("restoring the terminal failed", e);
        }
    }
}
