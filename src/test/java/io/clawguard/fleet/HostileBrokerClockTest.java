package io.clawguard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.approval.WireProtocol;
import io.clawguard.attach.BrokerInfo;
import io.clawguard.attach.EventCodec;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.Event;
import io.clawguard.bus.Tick;
import java.io.ByteArrayOutputStream;
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
 * ATTACK (hostile remote broker): a broker never sends a Tick (EventFeed keeps them in the
 * broker); the console makes its own each second and sets its clock from them
 * (Console.subscribe: Tick -> model.tick). FleetLink.received drops a remote HostsChanged but
 * passes every other event that is not a pane's state straight to the console, Tick included
 * ("a request's own events reach the console from every host"). So one host sets the clock of
 * the console over all hosts: the title bar's clock, the age and the "denied as timed out in"
 * countdown of every host's requests, the idle countdown of an elevated session. Sent a few
 * times a second it holds the clock where it likes.
 */
class HostileBrokerClockTest {
    @TempDir
    Path root;

    @Test
    void aRemoteBrokerCannotSetTheConsolesClock() throws Exception {
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        EventCodec codec = new EventCodec();
        Path liar = broker("liar", List.of(new Tick(Instant.parse("2099-01-01T00:00:00Z")),
                new ApprovalRequested("4242-abc-1", List.of("/usr/bin/id"), List.of(""), List.of(), false,
                        "/usr/bin/id", "/", null, "after the tick", false, false, false, false, 1000, 4242, "agent",
                        "root", 1, t.plusSeconds(300), t)), codec);
        Path fakeSsh = script("fake-ssh", "while [ \"$1\" != -- ]; do shift; done\nshift 2\nexec \"$@\"\n");
        Path remote = script("broker", "d=\"$4\"\ncat \"$d/says\"\nexec sleep 30\n");
        List<Event> seen = new CopyOnWriteArrayList<>();
        FleetLink fleet = new FleetLink(HostAddress.parseAll(List.of("liar=ssh://h2" + liar)),
                new SshSettings(fakeSsh.toString(), null, remote.toString()), Clock.systemUTC());
        try {
            fleet.attach(seen::add, () -> { });
            for (int i = 0; i < 200 && seen.stream().noneMatch(ApprovalRequested.class::isInstance); i++) {
                Thread.sleep(50);
            }
            assertThat(seen).anyMatch(ApprovalRequested.class::isInstance);
            assertThat(seen).as("events the console was handed").noneMatch(Tick.class::isInstance);
        } finally {
            fleet.close();
        }
    }

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
        return dir;
    }

    private Path script(String name, String body) throws Exception {
        Path s = root.resolve(name);
        Files.writeString(s, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }
}
