package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.EventBus;
import io.clawguard.bus.Tick;
import io.clawguard.elevation.AllowedCommand;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.elevation.ElevationState;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.CommandValidator;
import io.clawguard.testing.MutableClock;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's elevation timer: expiry happens on the tick, not when the next request arrives. */
class ElevationTimerTest {
    @TempDir
    Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private StateHome home;

    @BeforeEach
    void freshHome() {
        home = TestHomes.under(root);
    }

    @Test
    void theTickThatReachesTheTimeoutDropsAndAuditsTheSession() throws Exception {
        EventBus bus = new EventBus();
        ElevationGate gate = gate(bus);
        List<ElevationChanged> changes = new ArrayList<>();
        bus.subscribe(ElevationChanged.class, changes::add);
        bus.subscribe(Tick.class, t -> {
            try {
                gate.expireIfIdle();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        grantSession("task-1");

        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        bus.publish(new Tick(clock.instant()));
        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isTrue();
        assertThat(changes).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        bus.publish(new Tick(clock.instant()));
        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isFalse();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.elevated()).isFalse();
            assertThat(c.cause()).isEqualTo("idle-timeout");
        });
        assertThat(Files.readString(home.auditLog())).contains("\"action\":\"elevation_expired\"", "\"session_id\":\"task-1\"");
    }

    @Test
    void theAdminCanDropTheSessionAtOnce() throws Exception {
        ElevationGate gate = gate(new EventBus());
        grantSession(null);
        gate.dropNow("admin");
        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isFalse();
        assertThat(Files.readString(home.auditLog())).contains("\"reason\":\"admin-drop\"", "\"by\":\"admin\"");
    }

    @Test
    void aBrokenConfigDropsTheSessionOnTheNextTickRatherThanKeepingIt() throws Exception {
        ElevationGate gate = gate(new EventBus());
        grantSession("task-1");
        Files.writeString(home.config(), "{ not json");

        clock.advance(Duration.ofSeconds(1));
        gate.expireIfIdle();

        assertThat(new ElevationStore(home.elevationState()).read().elevated()).isFalse();
        assertThat(Files.readString(home.auditLog())).contains("\"action\":\"elevation_expired\"",
                "clawguard.json cannot be read");
    }

    /** A kept approval of {@code /usr/bin/id}, granted now, as the console would leave it. */
    private void grantSession(String sessionId) throws Exception {
        CommandBinding b = new CommandBinding(List.of("/usr/bin/id"), "/usr/bin/id", "/", sessionId, 1001, "8:1", "8:2");
        new ElevationStore(home.elevationState()).update(s -> new ElevationStore.Outcome<>(
                ElevationState.INITIAL.granted(b, "keep", AllowedCommand.Scope.SESSION, "r1", clock.instant()), null));
    }

    private ElevationGate gate(EventBus bus) {
        return new ElevationGate(new ElevationGate.Dependencies(home, CommandValidator.onThisHost(), clock, bus,
                ProcessIdentity.uid(), new io.clawguard.audit.AuditLog(home.auditLog(), clock),
                (file, requester, groups, max) -> Files.readAllBytes(file)));
    }
}
