package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlecode.lanterna.input.KeyType;
import io.clawguard.approval.ApprovalDecision;
import io.clawguard.attach.SocketAdminLink;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.hook.SudoShim;
import io.clawguard.testing.AdminApprover;
import io.clawguard.testing.AdminSocketProbe;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.ConcurrentAgent;
import io.clawguard.testing.OtherUsers;
import io.clawguard.testing.TestHomes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The separated install, driven for real: the broker as root, {@code exec} as agent uids that
 * exist nowhere (started with setpriv, no sudo rights), a console on Lanterna's virtual
 * terminal attached over the admin socket, a second admin at a console of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeparatedInstallTest {
    private static final int AGENT = 4101;
    private static final int OTHER_AGENT = 4102;
    private static final int STRANGER = 4999;
    private static final int SECOND_ADMIN = 4201;

    Path root;
    StateHome home;
    OtherUsers users;
    Path work;
    Process broker;

    @BeforeAll
    void startTheBrokerAsRoot() throws Exception {
        assumeTrue(ProcessIdentity.uid() == 0, "this suite starts other users with setpriv and needs root, as CI has");
        root = Files.createTempDirectory("cg-sep");
        users = new OtherUsers(root);
        home = new StateHome(Files.createDirectories(root.resolve("h")));
        Files.setPosixFilePermissions(home.dir(), PosixFilePermissions.fromString("rwx------"));
        TestHomes.write(home.config(), "{\"agent_users\": [\"" + AGENT + "\", \"" + OTHER_AGENT + "\"],"
                + " \"admin_users\": [\"" + SECOND_ADMIN + "\"]}");
        TestHomes.write(home.commandPolicy(), "{\"two_person\": [\"^/usr/bin/touch .*two-person\"]}");
        Files.setPosixFilePermissions(home.config(), PosixFilePermissions.fromString("rw-r--r--"));
        work = OtherUsers.ownedFolder(root, "work", AGENT);
        broker = CliProcess.start(root, Map.of(), "broker", "--home", home.dir().toString(), "--no-network",
                "--approval-timeout", "90s");
        String first = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).as("the broker's first line").contains("agents ask on " + home.agentSocket());
    }

    @AfterAll
    void stopTheBroker() throws Exception {
        if (broker != null) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process exec(int uid, Path cwd, String... argv) throws Exception {
        List<String> args = new ArrayList<>(List.of("--home", home.dir().toString(), "--reason", "separated test", "--"));
        args.addAll(List.of(argv));
        return users.java(uid, cwd, Map.of(), "io.clawguard.cli.ExecMain", args.toArray(String[]::new));
    }

    private String audit() throws Exception {
        return Files.readString(home.auditLog());
    }

    @Test
    void theAgentRunsIdAsRootOnlyAfterTheKeypressAndCannotAttachAConsole() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.dir()))).isEqualTo("rwx--x--x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.auditLog()))).isEqualTo("rw-------");
        try (VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            Process p = exec(AGENT, work, "/usr/bin/id", "-u");
            console.awaitPending("/usr/bin/id -u");
            assertThat(p.isAlive()).as("nothing runs before the keypress").isTrue();
            console.type("a");
            CliProcess.Result r = CliProcess.collect(p, "exec");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout().strip()).as("id ran as root, started by the broker").isEqualTo("0");
            console.await(s -> s.contains("approved once"));
        }
        Process probe = users.java(AGENT, work, Map.of(), AdminSocketProbe.class.getName(), home.adminSocket().toString());
        CliProcess.Result refused = CliProcess.collect(probe, "probe");
        assertThat(refused.stdout()).contains("\"type\":\"error\"", "uid " + AGENT + " may not attach");
        assertThat(audit()).contains("\"peer_refused\"", "\"peer_uid\":" + AGENT);

        CliProcess.Result stranger = CliProcess.collect(exec(STRANGER, root, "/usr/bin/id"), "exec");
        assertThat(stranger.exitCode()).isEqualTo(1);
        assertThat(stranger.stderr()).contains("uid " + STRANGER + " may not ask this broker");
    }

    /**
     * The agent names a script only root may read: a root broker copying it would run it as root
     * and relay its errors (its lines) to the agent. It is read as the agent, so it is refused.
     */
    @Test
    void aScriptTheAgentCannotReadIsRefusedBeforeAnyoneIsAsked() throws Exception {
        Path hidden = Files.createDirectories(root.resolve("root-only"));
        Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
        Path secret = Files.writeString(hidden.resolve("secret.sh"), "echo root:$6$hash\n");
        CliProcess.Result r = CliProcess.collect(exec(AGENT, work, "/usr/bin/bash", secret.toString()), "exec");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(8);
        assertThat(r.stderr()).contains("the script " + secret + " cannot be read as uid " + AGENT)
                .doesNotContain("$6$");
        assertThat(audit()).contains("\"command_invalid\"").doesNotContain("root:$6$hash");
    }

    @Test
    void symlinkAndFolderSwappedByTheAgentWhileItWaitsRunNothingElse() throws Exception {
        Path mine = OtherUsers.ownedFolder(root, "swaps", AGENT);
        Path victim = Files.createDirectories(root.resolve("victim"));
        Path folder = OtherUsers.ownedFolder(mine, "folder", AGENT);
        assertThat(CliProcess.collect(OtherUsers.run(AGENT, mine, Map.of(), "/usr/bin/ln", "-s", "/usr/bin/id",
                "tool"), "ln").exitCode()).isZero();
        try (VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            Process link = exec(AGENT, mine, mine.resolve("tool").toString(), "-u");
            console.awaitPending("/swaps/tool -u");
            OtherUsers.run(AGENT, mine, Map.of(), "/bin/sh", "-c", "ln -sfn /usr/bin/touch tool").waitFor();
            console.type("a");
            console.await(s -> s.contains("approved once"));
            CliProcess.Result r = CliProcess.collect(link, "exec");
            assertThat(r.stdout().strip()).as("the program shown (id), not the one swapped in").isEqualTo("0");

            Process touch = exec(AGENT, folder, "/usr/bin/touch", "zz");
            console.awaitPending("/usr/bin/touch zz");
            OtherUsers.run(AGENT, mine, Map.of(), "/bin/sh", "-c", "mv folder folder.old && ln -s " + victim + " folder")
                    .waitFor();
            console.type("a");
            console.await(s -> s.contains("approved once"));
            assertThat(CliProcess.collect(touch, "exec").exitCode()).isZero();
            assertThat(victim.resolve("zz")).as("nothing created through the planted symlink").doesNotExist();
            assertThat(mine.resolve("folder.old").resolve("zz")).as("created in the folder shown").exists();
        }
    }

    @Test
    void sudoDashKThroughTheShimBecomesARequestAndRunsOnlyOnceApproved() throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path launcher = bin.resolve("clawguard");
        Files.writeString(launcher, "#!/bin/sh\nshift\nexec " + ProcessHandle.current().info().command().orElse("java")
                + " -XX:-UsePerfData -cp '" + users.classPath() + "' io.clawguard.cli.ExecMain \"$@\"\n");
        Path shim = bin.resolve("sudo");
        Files.writeString(shim, SudoShim.script(List.of(launcher.toString()), home.dir()));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            Process p = OtherUsers.run(AGENT, work, Map.of(), "/bin/sh", shim.toString(), "-k", "/usr/bin/id", "-un");
            console.awaitPending("/usr/bin/id -un");
            assertThat(p.isAlive()).as("the shim asked; nothing ran").isTrue();
            console.type("a");
            CliProcess.Result r = CliProcess.collect(p, "sudo -k through the shim");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout().strip()).isEqualTo("root");
        }
    }

    @Test
    void aSessionKeptForOneAgentServesNoOtherAgent() throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            Process first = users.java(AGENT, shared, Map.of(), "io.clawguard.cli.ExecMain", "--home",
                    home.dir().toString(), "--reason", "kept", "--keep-session", "--", "/usr/bin/id", "-G");
            console.awaitPending("/usr/bin/id -G");
            console.type("A");
            assertThat(CliProcess.collect(first, "exec").exitCode()).isZero();
            Process other = users.java(OTHER_AGENT, shared, Map.of(), "io.clawguard.cli.ExecMain", "--home",
                    home.dir().toString(), "--reason", "kept", "--keep-session", "--", "/usr/bin/id", "-G");
            console.awaitPending("/usr/bin/id -G");
            assertThat(other.isAlive()).as("the other agent is asked again, not served from the session").isTrue();
            console.type("d");
            console.await(s -> s.contains("Reason for the denial"));
            console.press(KeyType.Enter);
            assertThat(CliProcess.collect(other, "exec").exitCode()).isEqualTo(1);
        }
    }

    @Test
    void aTwoPersonCommandRunsOnlyAfterTwoDifferentAdminsApproved() throws Exception {
        try (VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            Process p = exec(AGENT, work, "/usr/bin/touch", "two-person-ok");
            console.await(s -> s.contains("[0 of 2 approvals]"));
            console.type("a");
            console.await(s -> s.contains("1 of 2 approvals for"));
            console.await(s -> s.contains("[1 of 2 approvals (by root (uid 0))]"));
            console.type("a");
            console.await(s -> s.contains("already has your approval"));
            assertThat(p.isAlive()).as("one admin is not enough").isTrue();
            Process second = users.java(SECOND_ADMIN, root, Map.of(), AdminApprover.class.getName(),
                    home.adminSocket().toString(), "/usr/bin/touch");
            CliProcess.Result answer = CliProcess.collect(second, "second admin");
            assertThat(answer.stdout()).contains("approved once");
            CliProcess.Result r = CliProcess.collect(p, "exec");
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(work.resolve("two-person-ok")).exists();
            console.await(s -> s.contains("Pending approvals (0)") && s.contains("exec_finish"));
            assertThat(audit()).contains("\"approval_partial\"", "\"by\":[\"root (uid 0)\",\"uid " + SECOND_ADMIN + "\"]");
        }
    }

    @Test
    void killingExecEndsTheRootCommandItStarted() throws Exception {
        try (VirtualConsole console = new VirtualConsole(home.adminSocket())) {
            Process p = exec(AGENT, work, "/usr/bin/sleep", "417");
            console.awaitPending("/usr/bin/sleep 417");
            console.type("a");
            ProcessHandle sleeper = null;
            for (int i = 0; i < 200 && sleeper == null; i++) {
                sleeper = ProcessHandle.allProcesses().filter(h -> h.info().arguments().map(a -> a.length == 1
                        && a[0].equals("417")).orElse(false)).findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertThat(sleeper).as("the approved sleep runs").isNotNull();
            assertThat(sleeper.info().user()).contains("root");
            p.destroyForcibly().waitFor();
            sleeper.onExit().get(10, TimeUnit.SECONDS);
            assertThat(sleeper.isAlive()).isFalse();
        }
    }

    @Test
    void aConsoleThatQuitsAndAttachesAgainSeesTheRequestStillPending() throws Exception {
        Process p = exec(AGENT, work, "/usr/bin/id", "-g");
        try (VirtualConsole first = new VirtualConsole(home.adminSocket())) {
            first.awaitPending("/usr/bin/id -g");
        }
        assertThat(p.isAlive()).isTrue();
        try (VirtualConsole again = new VirtualConsole(home.adminSocket())) {
            again.awaitPending("/usr/bin/id -g");
            again.type("d");
            again.await(s -> s.contains("Reason for the denial"));
            again.type("not now");
            again.press(KeyType.Enter);
            again.await(s -> s.contains("denied: #"));
        }
        CliProcess.Result r = CliProcess.collect(p, "exec");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("not now");
    }

    @Test
    void twoHundredConcurrentRequestsFromTwoAgentsEachGetTheirOwnDecisionAndOutput() throws Exception {
        Map<String, Boolean> approve = new ConcurrentHashMap<>();
        AtomicInteger decided = new AtomicInteger();
        try (SocketAdminLink admin = SocketAdminLink.connect(home.adminSocket())) {
            admin.attach(e -> {
                if (e instanceof ApprovalRequested r && r.argv().get(0).equals("/usr/bin/echo")) {
                    String tag = r.argv().get(1);
                    boolean yes = Integer.parseInt(tag.substring(tag.lastIndexOf('-') + 1)) % 2 == 0;
                    boolean uidMatches = tag.startsWith(r.requesterUid() == AGENT ? "a-" : "b-");
                    approve.put(tag, yes && uidMatches);
                    admin.decide(r.requestId(), yes && uidMatches ? ApprovalDecision.approved(false)
                            : ApprovalDecision.denied("no " + tag), null).thenRun(decided::incrementAndGet);
                }
            }, () -> { });
            Process a = users.java(AGENT, work, Map.of(), ConcurrentAgent.class.getName(),
                    home.agentSocket().toString(), "100", "a");
            Process b = users.java(OTHER_AGENT, root, Map.of(), ConcurrentAgent.class.getName(),
                    home.agentSocket().toString(), "100", "b");
            List<String> lines = new ArrayList<>();
            lines.addAll(CliProcess.collect(a, "agent a").stdout().lines().toList());
            lines.addAll(CliProcess.collect(b, "agent b").stdout().lines().toList());
            assertThat(lines).hasSize(200);
            for (String line : lines) {
                String tag = line.substring(0, line.indexOf(' '));
                if (approve.get(tag)) {
                    assertThat(line).isEqualTo(tag + " exit=0 out=" + tag);
                } else {
                    assertThat(line).isEqualTo(tag + " exit=1 out=");
                }
            }
            assertThat(decided.get()).isEqualTo(200);
        }
    }
}
