package io.clawguard.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SudoShimTest {
    @TempDir
    Path root;
    Path launcher;
    Path home;
    SudoShim shim;

    @BeforeEach
    void setUp() throws Exception {
        // A stand-in launcher that prints the argv it was given, one element a line.
        launcher = root.resolve("fake clawguard");
        Files.writeString(launcher, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        home = root.resolve(".openclaw/security");
        shim = new SudoShim(root.resolve(".openclaw/bin"));
        shim.install(List.of(launcher.toString()), home);
    }

    private ProcessResult sudo(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add(shim.path().toString());
        pb.command().addAll(List.of(args));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProcessResult(p.waitFor(), out, err);
    }

    private record ProcessResult(int exit, String out, String err) {
    }

    @Test
    void routesSudoThroughExecWithTheExactArgv() throws Exception {
        ProcessResult r = sudo(Map.of(), "/usr/bin/systemctl", "restart", "my service");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("exec", "--home", home.toString(), "--use-sudo", "--reason",
                "sudo /usr/bin/systemctl (through the sudo shim)", "--", "/usr/bin/systemctl", "restart", "my service");
    }

    @Test
    void resolvesABareCommandOnTheSafePathAndTakesTheReasonFromTheEnvironment() throws Exception {
        ProcessResult r = sudo(Map.of("CLAWGUARD_REASON", "rotate logs", "PATH", root + ":/usr/bin:/bin"), "id", "-u");
        assertThat(r.out().lines()).containsSubsequence("--reason", "rotate logs", "--", "/usr/bin/id", "-u");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-V", "-h", "-l", "-k", "-v"})
    void informationalFlagsGoStraightToTheRealSudo(String flag) throws Exception {
        ProcessResult r = sudo(Map.of("OPENCLAW_REAL_SUDO", "/bin/echo"), flag);
        assertThat(r.out().strip()).isEqualTo(flag);
    }

    @Test
    void otherSudoOptionsAreRefused() throws Exception {
        ProcessResult r = sudo(Map.of(), "-u", "postgres", "/usr/bin/id");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not supported");
        assertThat(sudo(Map.of(), "no-such-command-here").exit()).isEqualTo(8);
    }

    @Test
    void installAndUninstallLeaveOtherFilesAlone() throws Exception {
        assertThat(shim.installed()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shim.path()))).isEqualTo("rwxr-xr-x");
        assertThat(shim.uninstall()).isTrue();
        assertThat(shim.uninstall()).isFalse();
        Files.writeString(shim.path(), "#!/bin/sh\necho someone else's\n");
        assertThatThrownBy(() -> shim.install(List.of(launcher.toString()), home)).hasMessageContaining("not a ClawGuard shim");
        assertThatThrownBy(shim::uninstall).hasMessageContaining("not a ClawGuard shim");
        assertThat(Files.readString(shim.path())).contains("someone else's");
    }
}
