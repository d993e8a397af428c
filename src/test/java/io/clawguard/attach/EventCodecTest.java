package io.clawguard.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.approval.WireProtocol;
import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalProgress;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.ApprovalTokenFailed;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.CommandFinished;
import io.clawguard.bus.CommandStarted;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.Event;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.bus.NetworkEvent;
import io.clawguard.bus.ScorecardChanged;
import io.clawguard.bus.Tick;
import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineReview;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every event crosses the admin socket as the same record, through the wire's own JSON. */
class EventCodecTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00.123456Z");
    private final EventCodec codec = new EventCodec();

    static Stream<Event> everyEvent() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("action", "exec_finish");
        record.put("seq", 7L);
        record.put("argv", List.of("/usr/bin/id", "a\u001bb"));
        record.put("returncode", 0L);
        record.put("cwd", null);
        return Stream.of(
                new ApprovalRequested("1-a-2", List.of("/usr/bin/touch", "zz"), List.of("", "/w/zz"), List.of(1), true, "/usr/bin/touch", "/w",
                        "task", "why \u202e", true, true, false, true, 1001, 42L, "java", "postgres", 2,
                        new ApprovalRequested.Code(List.of("id; curl x | sh"), List.of("s.sh  sha256 ab  3 bytes"), List.of("id\n"),
                                List.of("reads stdin")), T.plusSeconds(300), T),
                new ApprovalProgress("1-a-2", List.of("alice (uid 2001)"), 2, T),
                new ApprovalDecided("1-a-2", "approved", false, null, T),
                new ApprovalTokenFailed("1-a-2", T),
                new CommandStarted("1-a-2", List.of("/usr/bin/id"), "approval", T),
                new CommandFinished("1-a-2", List.of("/usr/bin/id"), null, T),
                new ElevationChanged(true, T, Duration.ofMinutes(30), List.of(List.of("/usr/bin/id")), "task", "approved-command", T),
                new AuditRecorded(record, T),
                new Tick(T),
                new NetworkChanged(List.of(new NetworkChanged.Listener("tcp *:22", "tcp", "*", 22, 1L, "sshd", "root")),
                        List.of(new NetworkChanged.Destination("k", "tcp", "10.0.0.1", 443, 2L, "curl", "agent")), 3,
                        List.of(new NetworkChanged.FindingView("public-bind", "medium", "tcp *:22", "s", "r")), true, false,
                        List.of("egress_allowlist.json: broken"), T),
                new NetworkEvent("port_opened", "tcp *:22", "sshd", false, T),
                new ScorecardChanged(80, "3 of 3 checks assessed (100 % of the weight)", 100, "good", Map.of("compliant", 3L), Map.of("high", 1L),
                        List.of(new ScorecardChanged.CheckView("c", "t", "compliant", "high", "e", "o", "ev", "g", "m",
                                List.of("ISO A.8.2"))), T),
                new ForwardingChanged("tls://siem:6514", "failing", 40, "Connection refused", T),
                new HostsChanged(List.of(new HostsChanged.HostView("web1", false, "the link dropped")), "web1", 3, T));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void anEventComesBackEqualAfterTheWire(Event e) throws Exception {
        Map<String, Object> m = WireProtocol.message("event");
        m.putAll(codec.encode(e));
        Map<String, Object> back = WireProtocol.decode(new String(WireProtocol.encode(m)).strip());
        assertThat(codec.decode((String) back.get("event_type"), back.get("event"))).isEqualTo(e);
    }

    @Test
    void everyKindOfEventIsCovered() {
        assertThat(everyEvent().map(Event::getClass).distinct().count())
                .isEqualTo(Arrays.stream(Event.class.getPermittedSubclasses()).count());
    }

    @Test
    void onlyTheBusesEventsDecode() {
        assertThatThrownBy(() -> codec.decode("ProcessBuilder", Map.of())).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> codec.decode("Tick", Map.of("at", T.toString(), "command", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBaselineReviewTravelsWithItsChoices() {
        BaselineReview r = new BaselineReview(BaselineKind.PORTS, List.of(
                new BaselineItem("tcp 22", "sshd", Map.of("port", 22L, "protocol", "tcp"), true, "admin access", true),
                new BaselineItem("udp 69", "tftpd", Map.of("port", 69L, "protocol", "udp"), false, null, false)));
        BaselineReview back = codec.decodeReview(codec.encode(r));
        assertThat(back.kind()).isEqualTo(BaselineKind.PORTS);
        assertThat(back.items()).isEqualTo(r.items());
    }
}
