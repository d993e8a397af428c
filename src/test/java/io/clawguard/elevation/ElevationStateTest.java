package io.clawguard.elevation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.json.JsonObject;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.TestHomes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElevationStateTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final CommandBinding APPROVED =
            new CommandBinding(List.of("/usr/bin/systemctl", "restart", "nginx"), "/usr/bin/systemctl", "/srv", "task-1", 1001, "8:1", "8:2");

    static Stream<Arguments> bindings() {
        return Stream.of(
                Arguments.of("the same binding", APPROVED, true),
                Arguments.of("another argument", new CommandBinding(List.of("/usr/bin/systemctl", "restart", "sshd"),
                        "/usr/bin/systemctl", "/srv", "task-1", 1001, "8:1", "8:2"), false),
                Arguments.of("an extra argument", new CommandBinding(List.of("/usr/bin/systemctl", "restart", "nginx", "x"),
                        "/usr/bin/systemctl", "/srv", "task-1", 1001, "8:1", "8:2"), false),
                Arguments.of("another resolved binary", new CommandBinding(APPROVED.argv(), "/opt/systemctl", "/srv",
                        "task-1", 1001, "8:1", "8:2"), false),
                Arguments.of("another working folder", new CommandBinding(APPROVED.argv(), "/usr/bin/systemctl", "/tmp",
                        "task-1", 1001, "8:1", "8:2"), false),
                Arguments.of("another task session", new CommandBinding(APPROVED.argv(), "/usr/bin/systemctl", "/srv",
                        "task-2", 1001, "8:1", "8:2"), false),
                Arguments.of("no task session", new CommandBinding(APPROVED.argv(), "/usr/bin/systemctl", "/srv", null, 1001, "8:1", "8:2"),
                        false),
                Arguments.of("another requester", new CommandBinding(APPROVED.argv(), "/usr/bin/systemctl", "/srv",
                        "task-1", 1002, "8:1", "8:2"), false),
                Arguments.of("another file at the program's path", new CommandBinding(APPROVED.argv(),
                        "/usr/bin/systemctl", "/srv", "task-1", 1001, "8:9", "8:2"), false),
                Arguments.of("another folder by the same name", new CommandBinding(APPROVED.argv(),
                        "/usr/bin/systemctl", "/srv", "task-1", 1001, "8:1", "8:9"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bindings")
    void aSessionApprovalCoversOnlyItsExactBinding(String name, CommandBinding request, boolean authorised) {
        ElevationState s = ElevationState.INITIAL.granted(APPROVED, "restart web", AllowedCommand.Scope.SESSION, "r1", T0);
        assertThat(s.authorises(request)).isEqualTo(authorised);
    }

    @Test
    void anApprovalForOneRunIsNeverReused() {
        ElevationState s = ElevationState.INITIAL.granted(APPROVED, "once", AllowedCommand.Scope.ONCE, "r1", T0);
        assertThat(s.elevated()).isTrue();
        assertThat(s.authorises(APPROVED)).isFalse();
        ElevationState after = s.withoutOnce("r1", T0.plusSeconds(1));
        assertThat(after.elevated()).isFalse();
        assertThat(after.lastAction()).isEqualTo("post-command");
    }

    @Test
    void dropingOneRunKeepsTheSessionsOtherApprovals() {
        ElevationState s = ElevationState.INITIAL
                .granted(APPROVED, "keep", AllowedCommand.Scope.SESSION, "r1", T0)
                .granted(APPROVED, "once", AllowedCommand.Scope.ONCE, "r2", T0);
        ElevationState after = s.withoutOnce("r2", T0.plusSeconds(1));
        assertThat(after.elevated()).isTrue();
        assertThat(after.allowedCommands()).extracting(AllowedCommand::requestId).containsExactly("r1");
    }

    @Test
    void idleTimeCountsFromTheLastElevatedActivity() {
        ElevationState s = ElevationState.INITIAL.granted(APPROVED, "keep", AllowedCommand.Scope.SESSION, "r1", T0);
        assertThat(s.idleLeft(T0.plus(Duration.ofMinutes(10)), TIMEOUT)).contains(Duration.ofMinutes(20));
        assertThat(s.idleExpired(T0.plus(TIMEOUT).minusNanos(1), TIMEOUT)).isFalse();
        assertThat(s.idleExpired(T0.plus(TIMEOUT), TIMEOUT)).isTrue();
        ElevationState touched = s.touched(T0.plus(Duration.ofMinutes(29)));
        assertThat(touched.idleExpired(T0.plus(Duration.ofMinutes(58)), TIMEOUT)).isFalse();
        assertThat(ElevationState.INITIAL.idleExpired(T0, TIMEOUT)).isFalse();
    }

    @Test
    void codecRoundTripsEveryField() throws Exception {
        ElevationState s = ElevationState.INITIAL
                .granted(APPROVED, "keep", AllowedCommand.Scope.SESSION, "r1", T0)
                .granted(APPROVED, "once", AllowedCommand.Scope.ONCE, "r2", T0.plusSeconds(5));
        String json = JsonValues.pretty(ElevationStateCodec.toJson(s));
        ElevationState back = ElevationStateCodec.fromJson(JsonObject.of("state", JsonValues.parse(json)));
        assertThat(back).isEqualTo(s);
    }

    @Test
    void seedStateLoadsButItsEntriesDoNotAuthorise() throws Exception {
        ElevationState seed = ElevationStateCodec.fromJson(JsonObject.of("seed",
                JsonValues.parse(TestHomes.resource("seed-format/root-session-state.json"))));
        assertThat(seed.elevated()).isTrue();
        assertThat(seed.approvedReason()).isEqualTo("keep");
        assertThat(seed.allowedCommands()).singleElement().satisfies(c -> {
            assertThat(c.argv()).containsExactly("/usr/bin/id");
            assertThat(c.scope()).isEqualTo(AllowedCommand.Scope.LEGACY);
        });
        assertThat(seed.authorises(new CommandBinding(List.of("/usr/bin/id"), "/usr/bin/id", "/", null, 1001, "8:1", "8:2"))).isFalse();
        String rewritten = JsonValues.pretty(ElevationStateCodec.toJson(seed));
        assertThat(rewritten).doesNotContain("\"scope\"");
    }
}
