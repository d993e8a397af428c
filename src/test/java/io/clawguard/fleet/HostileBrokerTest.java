package io.clawguard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.WireProtocol;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.attach.EventCodec;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.AuditRecorded;
import io.clawguard.bus.Event;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.Tick;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose broker lies cannot act for another host: a request id it dresses up as another
 * host's stays its own, and a host list it sends is dropped. The hosts here are scripts behind
 * a stand-in for ssh that runs the remote command locally; what each is sent is kept in a file.
 */
class HostileBrokerTest {
    @TempDir
    Path root;

    @Test
    void anIdDressedAsAnotherHostsGoesBackToTheLiarAndItsHostListIsDropped() throws Exception {
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        EventCodec codec = new EventCodec();
        Path liar = broker("liar", List.of(
                new ApprovalRequested("good/4242-abc-1", List.of("/usr/bin/id"), List.of(""), List.of(), false,
                        "/usr/bin/id", "/", null, "looks like good's", false, false, false, false, 1000, 4242, "agent",
                        "root", 1, ApprovalRequested.Code.NONE, t.plusSeconds(300), t),
                new HostsChanged(List.of(new HostsChanged.HostView("good", false, "owned")), "good", 99, t)), codec);
        Path good = broker("good", List.of(), codec);
        List<Event> seen = new CopyOnWriteArrayList<>();
        FleetLink fleet = new FleetLink(HostAddress.parseAll(List.of("good=ssh://h1" + good, "liar=ssh://h2" + liar)),
                standIns(), Clock.systemUTC());
        try {
            fleet.attach(seen::add, () -> { });
            ApprovalRequested shown = await(seen, ApprovalRequested.class);
            assertThat(shown.requestId()).isEqualTo("liar/good/4242-abc-1");
            fleet.decide(shown.requestId(), ApprovalDecision.approved(false), null);
            awaitContent(liar.resolveSibling("received"), "\"request_id\":\"good/4242-abc-1\"");
            assertThat(Files.readString(good.resolveSibling("received"))).doesNotContain("decide");
            assertThat(seen.stream().filter(HostsChanged.class::isInstance).map(HostsChanged.class::cast))
                    .allSatisfy(h -> assertThat(h.hosts()).extracting(HostsChanged.HostView::name)
                            .containsExactly("good", "liar"))
                    .noneMatch(h -> h.view() == 99);
        } finally {
            fleet.close();
        }
    }

    /**
     * A broker's Tick would set the console's clock (request ages, the "denied as timed out in"
     * countdown and the idle countdown of every host); the console keeps its own.
     */
    @Test
    void aRemoteBrokerCannotSetTheConsolesClock() throws Exception {
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        EventCodec codec = new EventCodec();
        Path liar = broker("liar", List.of(new Tick(Instant.parse("2099-01-01T00:00:00Z")),
                new ApprovalRequested("4242-abc-1", List.of("/usr/bin/id"), List.of(""), List.of(), false,
                        "/usr/bin/id", "/", null, "after the tick", false, false, false, false, 1000, 4242, "agent",
                        "root", 1, ApprovalRequested.Code.NONE, t.plusSeconds(300), t)), codec);
        List<Event> seen = new CopyOnWriteArrayList<>();
        FleetLink fleet = new FleetLink(HostAddress.parseAll(List.of("liar=ssh://h2" + liar)), standIns(),
                Clock.systemUTC());
        try {
            fleet.attach(seen::add, () -> { });
            await(seen, ApprovalRequested.class);
            assertThat(seen).as("events the console was handed").noneMatch(Tick.class::isInstance);
        } finally {
            fleet.close();
        }
    }

    /** A broker that sends its largest records over and over does not fill the console: a host's kept records are bounded by size. */
    @Test
    void aFloodOfHugeAuditRecordsIsKeptWithinItsBound() throws Exception {
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        List<Event> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flood.add(new AuditRecorded(Map.of("action", "approval_requested", "seq", (long) i, "argv",
                    List.of("/usr/bin/echo", "x".repeat(1 << 20))), t));
        }
        Path liar = broker("liar", flood, new EventCodec());
        Path good = broker("good", List.of(), new EventCodec());
        List<Event> seen = new CopyOnWriteArrayList<>();
        FleetLink fleet = new FleetLink(HostAddress.parseAll(List.of("good=ssh://h1" + good, "liar=ssh://h2" + liar)),
                standIns(), Clock.systemUTC());
        try {
            fleet.attach(seen::add, () -> { });
            Thread.sleep(3_000);
            seen.clear();
            fleet.showNextHost();
            long chars = seen.stream().filter(AuditRecorded.class::isInstance)
                    .mapToLong(e -> String.valueOf(((AuditRecorded) e).record()).length()).sum();
            assertThat(chars).isPositive().isLessThanOrEqualTo(FleetLink.AUDIT_KEPT_CHARS + (2 << 20));
        } finally {
            fleet.close();
        }
    }

    /** ssh stood in for by a script that runs the remote command here, and a broker script that says its file. */
    private SshSettings standIns() throws Exception {
        Path fakeSsh = script("fake-ssh", "while [ \"$1\" != -- ]; do shift; done\nshift 2\nexec \"$@\"\n");
        // Run as: broker attach --stdio --home DIR
        Path remote = script("broker", "d=\"$4\"\ncat \"$d/says\"\ncat > \"$d/../received\"\n");
        return new SshSettings(fakeSsh.toString(), null, remote.toString());
    }

    private static void awaitContent(Path file, String wanted) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (Files.readString(file).contains(wanted)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(file + " never held " + wanted + ": " + Files.readString(file));
    }

    /** A state folder whose stand-in broker says {@code events} once attached and keeps what it is sent. */
    private Path broker(String name, List<Event> events, EventCodec codec) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name).resolve("state"));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Map<String, Object> attached = WireProtocol.message("attached");
        attached.put("info", codec.encode(new BrokerInfo(name, true, false)));
        said.writeBytes(WireProtocol.encode(attached));
        for (Event e : events) {
            Map<String, Object> m = WireProtocol.message("event");
            m.putAll(codec.encode(e));
            said.writeBytes(WireProtocol.encode(m));
        }
        Files.write(dir.resolve("says"), said.toByteArray());
        Files.writeString(dir.resolveSibling("received"), "", StandardCharsets.UTF_8);
        return dir;
    }

    private Path script(String name, String body) throws Exception {
        Path s = root.resolve(name);
        Files.writeString(s, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    private static <E> E await(List<Event> seen, Class<E> type) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (Event e : seen) {
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + seen);
    }
}
