package io.clawguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.hook.SudoShim;
import io.clawguard.policy.GuardConfig;
import io.clawguard.testing.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clawguard service install|uninstall} as a real process, as root, into a temp
 * {@code --root}: what it prints, and every file it leaves, with owner, mode and text.
 */
class ServiceInstallTest {
    @TempDir
    Path tmp;
    Path root;
    Path launcher;
    String agent;

    @BeforeEach
    void setUp() throws Exception {
        root = tmp.resolve("host");
        Path program = tmp.resolve("program");
        Files.createDirectories(program.resolve("target"));
        launcher = Files.writeString(program.resolve("clawguard"), "#!/usr/bin/env bash\necho the launcher\n");
        Files.writeString(program.resolve("target/clawguard.jar"), "the main jar");
        Files.writeString(program.resolve("target/clawguard-exec.jar"), "the exec jar");
        Files.createDirectories(program.resolve("target/man"));
        Files.writeString(program.resolve("target/man/clawguard-exec.1"), ".TH CLAWGUARD-EXEC 1\n");
        agent = someUserOtherThanRoot();
    }

    /** Any real user but root: the install checks the agent against this host's /etc/passwd. */
    private static String someUserOtherThanRoot() throws IOException {
        return Files.readAllLines(Accounts.PASSWD).stream().map(l -> l.split(":"))
                .filter(f -> f.length > 2 && f[2].matches("[1-9]\\d*")).map(f -> f[0]).findFirst().orElseThrow();
    }

    private CliProcess.Result clawguard(String... args) {
        List<String> argv = new ArrayList<>(List.of("service"));
        argv.addAll(List.of(args));
        argv.addAll(List.of("--root", root.toString()));
        // The launcher script names itself this way; here it names the stand-in program folder.
        return CliProcess.run(tmp, Map.of("JAVA_TOOL_OPTIONS", "-Dclawguard.launcher=" + launcher), "",
                argv.toArray(String[]::new));
    }

    private CliProcess.Result install(String... more) {
        List<String> args = new ArrayList<>(List.of("install", "--agent-user", agent, "--admin-user", "root"));
        args.addAll(List.of(more));
        return clawguard(args.toArray(String[]::new));
    }

    private Path at(String hostPath) {
        return root.resolve(hostPath.substring(1));
    }

    @Test
    void aDryRunListsEveryStepAndWritesNothing() {
        CliProcess.Result r = install("--dry-run");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("clawguard service install: dry run, nothing is changed. The steps:");
        assertThat(lines.subList(1, lines.indexOf("Then, as root:")).stream().map(l -> l.strip().split(" ")[0]))
                .containsExactly("check", "folder", "folder", "copy", "copy", "copy", "write", "folder", "folder",
                        "copy", "copy", "folder", "folder", "write", "folder", "write", "folder", "folder", "write");
        assertThat(r.stdout()).contains("check   /usr/bin/sudo -l -U " + agent, "[not run with --root]",
                "copy    " + launcher + " -> " + at("/opt/clawguard/clawguard") + "  root:root 0755",
                at("/opt/clawguard/target/clawguard.jar") + "  root:root 0644",
                at("/opt/clawguard/target/clawguard-exec.jar") + "  root:root 0644",
                "write   " + at("/usr/local/bin/clawguard") + "  root:root 0755",
                at("/usr/local/share/man/man1/clawguard-exec.1") + "  root:root 0644",
                "write   " + at("/usr/local/lib/clawguard/bin/sudo") + "  root:root 0755",
                "write   " + at("/etc/clawguard/clawguard.json") + "  root:root 0644",
                "folder  " + at("/var/lib/clawguard") + "  root:root 0700",
                "folder  " + at("/var/log/clawguard") + "  root:root 0700",
                "write   " + at("/etc/systemd/system/clawguard-broker.service") + "  root:root 0644",
                "systemctl enable --now clawguard-broker", "PATH=/usr/local/lib/clawguard/bin:$PATH",
                "clawguard console --system");
        assertThat(root).doesNotExist();
    }

    @Test
    void installWritesEveryFileRootsWithItsModeAndText() throws Exception {
        CliProcess.Result r = install();
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertFile("/opt/clawguard", "rwxr-xr-x", null);
        assertFile("/opt/clawguard/target", "rwxr-xr-x", null);
        assertFile("/opt/clawguard/clawguard", "rwxr-xr-x", Files.readString(launcher));
        assertFile("/opt/clawguard/target/clawguard.jar", "rw-r--r--", "the main jar");
        assertFile("/opt/clawguard/target/clawguard-exec.jar", "rw-r--r--", "the exec jar");
        assertFile("/usr/local/bin/clawguard", "rwxr-xr-x", "#!/bin/sh\nexec /opt/clawguard/clawguard \"$@\"\n");
        assertFile("/usr/local/lib/clawguard", "rwxr-xr-x", null);
        assertFile("/usr/local/lib/clawguard/bin", "rwxr-xr-x", null);
        assertFile("/usr/local/lib/clawguard/bin/sudo", "rwxr-xr-x",
                SudoShim.systemScript(List.of("/opt/clawguard/clawguard")));
        assertFile("/etc/clawguard", "rwxr-xr-x", null);
        assertFile("/etc/clawguard/clawguard.json", "rw-r--r--", AccessConfig.json(agent, List.of("root")));
        assertFile("/var/lib/clawguard", "rwx------", null);
        assertFile("/var/log/clawguard", "rwx------", null);
        assertFile("/etc/systemd/system/clawguard-broker.service", "rw-r--r--",
                Files.readString(Path.of("references/systemd/clawguard-broker.service")));
        assertFile("/opt/clawguard/target/man/clawguard-exec.1", "rw-r--r--", ".TH CLAWGUARD-EXEC 1\n");
        assertFile("/usr/local/share/man/man1/clawguard-exec.1", "rw-r--r--", ".TH CLAWGUARD-EXEC 1\n");
        GuardConfig config = GuardConfig.load(at("/etc/clawguard/clawguard.json"), 0);
        assertThat(config.agentUsers()).containsExactly(agent);
        assertThat(config.adminUsers()).containsExactly("root");
        try (Stream<Path> written = Files.walk(root)) {
            assertThat(written.filter(Files::isRegularFile)).hasSize(9);
        }
    }

    private void assertFile(String hostPath, String mode, String text) throws IOException {
        Path p = at(hostPath);
        assertThat(Files.isSymbolicLink(p)).as(hostPath).isFalse();
        assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).as(hostPath).isEqualTo(0);
        assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).as(hostPath).isEqualTo(0);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
                .as(hostPath).isEqualTo(mode);
        if (text != null) {
            assertThat(Files.readString(p)).as(hostPath).isEqualTo(text);
        }
    }

    @Test
    void installingAgainKeepsTheConfigAndReplacesTheProgram() throws Exception {
        assertThat(install().exitCode()).isZero();
        Files.writeString(launcher, "#!/usr/bin/env bash\necho a newer launcher\n");
        CliProcess.Result again = install();
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("keep    " + at("/etc/clawguard/clawguard.json") + "  (already names agent "
                + agent + " and admins [root])");
        assertThat(Files.readString(at("/opt/clawguard/clawguard"))).contains("a newer launcher");
    }

    @Test
    void anExistingConfigThatNamesOtherUsersIsNotOverwrittenAndNothingIsWritten() throws Exception {
        Path config = at("/etc/clawguard/clawguard.json");
        Files.createDirectories(config.getParent());
        String admins = "{\"agent_users\": [\"someone-else\"], \"idle_timeout_minutes\": 10}\n";
        Files.writeString(config, admins);
        CliProcess.Result r = install();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().lines().filter(l -> !l.startsWith("Picked up"))).containsExactly("clawguard service install: "
                + config + " exists and names agent_users [someone-else], admin_users [], not agent " + agent
                + " and admins [root]; it is not overwritten: add them to it, or move it away, then install again");
        assertThat(Files.readString(config)).isEqualTo(admins);
        assertThat(at("/opt/clawguard")).doesNotExist();
        assertThat(at("/etc/systemd")).doesNotExist();
    }

    @Test
    void anUnknownAgentUserIsRefused() {
        CliProcess.Result r = clawguard("install", "--agent-user", "no-such-agent-here");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("clawguard service install: --agent-user no-such-agent-here: no such user in"
                + " /etc/passwd; create the agent's user first");
        assertThat(root).doesNotExist();
    }

    @Test
    void uninstallRemovesWhatInstallWroteAndKeepsConfigStateAndLog() throws Exception {
        assertThat(install().exitCode()).isZero();
        Files.writeString(at("/var/log/clawguard/privileged-audit.jsonl"), "{\"seq\":1}\n");
        CliProcess.Result dry = clawguard("uninstall", "--dry-run");
        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        assertThat(at("/opt/clawguard/target/clawguard.jar")).exists();

        CliProcess.Result r = clawguard("uninstall");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("keep    " + at("/var/log/clawguard") + "  (the audit log: evidence)");
        for (String gone : List.of("/etc/systemd/system/clawguard-broker.service", "/usr/local/bin/clawguard",
                "/usr/local/lib/clawguard", "/opt/clawguard", "/usr/local/share/man/man1/clawguard-exec.1")) {
            assertThat(at(gone)).as(gone).doesNotExist();
        }
        assertThat(at("/etc/clawguard/clawguard.json")).exists();
        assertThat(at("/var/lib/clawguard")).isDirectory();
        assertThat(at("/var/log/clawguard/privileged-audit.jsonl")).hasContent("{\"seq\":1}");
    }

    @Test
    void uninstallLeavesAClawguardCommandItDidNotWrite() throws Exception {
        Path other = at("/usr/local/bin/clawguard");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "#!/bin/sh\necho another tool\n");
        CliProcess.Result r = clawguard("uninstall");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("WARNING: left " + other + " alone: it is not the file the install wrote");
        assertThat(other).hasContent("#!/bin/sh\necho another tool");
    }
}
