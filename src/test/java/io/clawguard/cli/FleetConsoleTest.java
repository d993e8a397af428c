package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.files.StateHome;
import io.clawguard.fleet.FleetLink;
import io.clawguard.fleet.HostAddress;
import io.clawguard.fleet.SshSettings;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.OtherUsers;
import io.clawguard.testing.RunningBroker;
import io.clawguard.testing.Sshd;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One console over two brokers, each reached through a real OpenSSH server (Debian's) on
 * 127.0.0.1 with a temp host key and authorized key, running the real {@code clawguard attach
 * --stdio} there: a request on each host shows in one pending pane with its host, and each
 * approval reaches its own host; a host whose sshd is killed shows disconnected while the
 * other keeps working.
 */
class FleetConsoleTest {
    /** The agent: a uid of its own (no such user need exist), as in the separated install. */
    private static final int AGENT = 4291;

    @TempDir
    Path root;
    OtherUsers users;

    @Test
    void oneConsoleApprovesARequestOnEachHostThroughSshAndAKilledHostShowsDisconnected() throws Exception {
        users = new OtherUsers(root);
        StateHome alphaHome = agentsMayAsk(root.resolve("alpha"));
        StateHome betaHome = agentsMayAsk(root.resolve("beta"));
        Path work = OtherUsers.ownedFolder(root, "work", AGENT);
        try (RunningBroker alpha = new RunningBroker(alphaHome, Clock.systemUTC(), Duration.ofMinutes(5));
             RunningBroker beta = new RunningBroker(betaHome, Clock.systemUTC(), Duration.ofMinutes(5));
             Sshd alphaSshd = Sshd.start(root.resolve("sshd-alpha"));
             Sshd betaSshd = Sshd.start(root.resolve("sshd-beta"))) {
            Path sshConfig = Sshd.clientConfigFor(root.resolve("ssh_config"), alphaSshd, betaSshd);
            FleetLink fleet = new FleetLink(HostAddress.parseAll(List.of(
                    "alpha=ssh://root@127.0.0.1:" + alphaSshd.port() + alphaHome.dir(),
                    "beta=ssh://root@127.0.0.1:" + betaSshd.port() + betaHome.dir())),
                    new SshSettings("ssh", sshConfig.toString(), Sshd.remoteClawguard(root).toString()), Clock.systemUTC());
            try (VirtualConsole console = new VirtualConsole(fleet)) {
                console.await(s -> s.contains("(h: 2 of 2 up)"));

                CompletableFuture<Integer> onAlpha = touch(alphaHome, work.resolve("made-on-alpha"));
                console.await(s -> s.contains("made-on-alpha"));
                CompletableFuture<Integer> onBeta = touch(betaHome, work.resolve("made-on-beta"));
                String both = console.await(s -> s.contains("made-on-beta"));
                assertThat(both.lines().filter(l -> l.contains("made-on-alpha")).findFirst().orElseThrow())
                        .contains("alpha ");
                assertThat(both.lines().filter(l -> l.contains("made-on-beta")).findFirst().orElseThrow())
                        .contains("beta ");

                // The first request is the selected one: approving it reaches alpha's broker.
                console.type("a");
                assertThat(onAlpha.get(30, TimeUnit.SECONDS)).isZero();
                assertThat(work.resolve("made-on-alpha")).exists();
                assertThat(work.resolve("made-on-beta")).doesNotExist();
                console.press(KeyType.ArrowDown);
                console.type("a");
                assertThat(onBeta.get(30, TimeUnit.SECONDS)).isZero();
                assertThat(work.resolve("made-on-beta")).exists();
                assertThat(Files.readString(alphaHome.auditLog())).contains("made-on-alpha").doesNotContain("made-on-beta");
                assertThat(Files.readString(betaHome.auditLog())).contains("made-on-beta").doesNotContain("made-on-alpha");

                alphaSshd.kill();
                console.await(s -> s.contains("(h: 1 of 2 up; alpha DISCONNECTED)"));
                CompletableFuture<Integer> again = touch(betaHome, work.resolve("still-on-beta"));
                console.awaitPending("still-on-beta");
                console.type("a");
                assertThat(again.get(30, TimeUnit.SECONDS)).isZero();
                assertThat(work.resolve("still-on-beta")).exists();
            }
        }
    }

    /** A state folder right under the world-traversable root, whose broker takes the agent's requests. */
    private static StateHome agentsMayAsk(Path dir) throws Exception {
        StateHome home = new StateHome(Files.createDirectories(dir));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        TestHomes.write(home.config(), "{\"agent_users\": [\"" + AGENT + "\"]}");
        return home;
    }

    /** The agent asks the host's broker to touch {@code file}: the real exec client, as the agent's uid. */
    private CompletableFuture<Integer> touch(StateHome home, Path file) throws Exception {
        Process p = users.java(AGENT, file.getParent(), Map.of(), "io.clawguard.cli.ExecMain", "--home",
                home.dir().toString(), "--reason", "fleet test", "--", "/usr/bin/touch", file.toString());
        return CompletableFuture.supplyAsync(() -> {
            CliProcess.Result r = CliProcess.collect(p, "exec");
            if (r.exitCode() != 0) {
                throw new AssertionError("exec " + file + ": " + r.exitCode() + " " + r.stderr());
            }
            return r.exitCode();
        });
    }
}
