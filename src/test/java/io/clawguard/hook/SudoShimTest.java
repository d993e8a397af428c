package io.clawguard.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the generated shim with /bin/sh against a launcher and a real sudo that only record the
 * argv they were given (NUL-separated, so spaces and newlines survive), and checks for each form
 * of sudo whether it became a ClawGuard request, reached the real sudo, or was refused.
 */
class SudoShimTest {
    @TempDir
    Path root;
    Path home;
    Path launcherArgv;
    Path realSudoArgv;
    SudoShim shim;

    @BeforeEach
    void setUp() throws Exception {
        home = root.resolve(".openclaw/security");
        launcherArgv = root.resolve("launcher.argv");
        realSudoArgv = root.resolve("real-sudo.argv");
        shim = new SudoShim(root.resolve(".openclaw/bin"));
        shim.install(List.of(recorder("fake clawguard", launcherArgv).toString()), home);
    }

    /** A stand-in program that writes its argv into {@code record} and exits 0. */
    private Path recorder(String name, Path record) throws IOException {
        Path script = root.resolve(name);
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\0' \"$@\" > '" + record + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private enum Outcome { REQUEST, REAL_SUDO, REFUSED }

    /** One form of sudo and what must become of it: the argv after {@code --}, or what the real sudo got. */
    private record Form(List<String> sudoArgs, Outcome outcome, List<String> expected, int exit) {
        static Form request(String args, String... command) {
            return new Form(words(args), Outcome.REQUEST, List.of(command), 0);
        }

        static Form realSudo(String args) {
            return new Form(words(args), Outcome.REAL_SUDO, words(args), 0);
        }

        static Form refused(String args, int exit) {
            return new Form(words(args), Outcome.REFUSED, List.of(), exit);
        }

        private static List<String> words(String args) {
            return args.isEmpty() ? List.of() : Arrays.asList(args.split(" "));
        }

        @Override
        public String toString() {
            return "sudo " + String.join(" ", sudoArgs) + " -> " + outcome + (exit == 0 ? "" : " " + exit);
        }
    }

    static Stream<Form> forms() {
        return Stream.of(
                Form.request("/usr/bin/id", "/usr/bin/id"),
                Form.request("id -u", "/usr/bin/id", "-u"),
                Form.request("-k /usr/bin/id", "/usr/bin/id"),
                Form.request("--reset-timestamp /usr/bin/id", "/usr/bin/id"),
                Form.request("-u root /usr/bin/id", "/usr/bin/id"),
                Form.request("-u 0 /usr/bin/id", "/usr/bin/id"),
                Form.request("-u #0 /usr/bin/id", "/usr/bin/id"),
                Form.request("-uroot /usr/bin/id", "/usr/bin/id"),
                Form.request("--user=root /usr/bin/id", "/usr/bin/id"),
                Form.request("--user root /usr/bin/id", "/usr/bin/id"),
                Form.request("-E /usr/bin/id", "/usr/bin/id"),
                Form.request("--preserve-env /usr/bin/id", "/usr/bin/id"),
                Form.request("-n /usr/bin/id", "/usr/bin/id"),
                Form.request("--non-interactive /usr/bin/id", "/usr/bin/id"),
                Form.request("-H /usr/bin/id", "/usr/bin/id"),
                Form.request("--set-home /usr/bin/id", "/usr/bin/id"),
                Form.request("-k -E /usr/bin/id", "/usr/bin/id"),
                Form.request("-kE -n /usr/bin/id", "/usr/bin/id"),
                Form.request("-nu root id", "/usr/bin/id"),
                Form.request("-- /usr/bin/id -u", "/usr/bin/id", "-u"),
                Form.request("-k -- id --help", "/usr/bin/id", "--help"),
                Form.request("/usr/bin/env -u HOME -- -k", "/usr/bin/env", "-u", "HOME", "--", "-k"),
                Form.request("echo -k", "/usr/bin/echo", "-k"),
                Form.realSudo("-h"),
                Form.realSudo("--help"),
                Form.realSudo("-V"),
                Form.realSudo("--version"),
                Form.realSudo("-l"),
                Form.realSudo("--list"),
                Form.realSudo("-n -l"),
                Form.realSudo("-l -u root"),
                Form.realSudo("-k"),
                Form.realSudo("--reset-timestamp"),
                Form.realSudo("-K"),
                Form.realSudo("--remove-timestamp"),
                Form.realSudo("-v"),
                Form.realSudo("--validate"),
                Form.realSudo("-k --"),
                Form.refused("", 2),
                Form.refused("-E", 2),
                Form.refused("--", 2),
                Form.refused("-u postgres /usr/bin/id", 2),
                Form.refused("-u 1000 /usr/bin/id", 2),
                Form.refused("-upostgres /usr/bin/id", 2),
                Form.refused("--user=postgres /usr/bin/id", 2),
                Form.refused("--user postgres /usr/bin/id", 2),
                Form.refused("-l -u postgres", 2),
                Form.refused("-u", 2),
                Form.refused("--user", 2),
                Form.refused("-s", 2),
                Form.refused("-s /usr/bin/id", 2),
                Form.refused("-i", 2),
                Form.refused("-e /etc/passwd", 2),
                Form.refused("-g root /usr/bin/id", 2),
                Form.refused("-C 3 /usr/bin/id", 2),
                Form.refused("-D / /usr/bin/id", 2),
                Form.refused("-R / /usr/bin/id", 2),
                Form.refused("-T 5 /usr/bin/id", 2),
                Form.refused("-b /usr/bin/id", 2),
                Form.refused("-x /usr/bin/id", 2),
                Form.refused("-Es /usr/bin/id", 2),
                Form.refused("--shell /usr/bin/id", 2),
                Form.refused("--login", 2),
                Form.refused("--edit /etc/passwd", 2),
                Form.refused("--preserve-env=PATH /usr/bin/id", 2),
                Form.refused("--us root /usr/bin/id", 2),
                Form.refused("-l /usr/bin/id", 2),
                Form.refused("-h otherhost /usr/bin/id", 2),
                Form.refused("-v /usr/bin/id", 2),
                Form.refused("-K /usr/bin/id", 2),
                Form.refused("no-such-command-here", 8),
                Form.refused("./bin/tool", 8),
                Form.refused("-- -k", 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormOfSudoBecomesARequestReachesTheRealSudoOrIsRefused(Form form) throws Exception {
        Result r = sudo(Map.of(), form.sudoArgs().toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(form.exit());
        switch (form.outcome()) {
            case REQUEST -> {
                assertThat(realSudoArgv).doesNotExist();
                assertThat(commandAfterDashDash(recorded(launcherArgv))).isEqualTo(form.expected());
            }
            case REAL_SUDO -> {
                assertThat(launcherArgv).doesNotExist();
                assertThat(recorded(realSudoArgv)).isEqualTo(form.expected());
            }
            case REFUSED -> {
                assertThat(launcherArgv).doesNotExist();
                assertThat(realSudoArgv).doesNotExist();
                assertThat(r.err().lines()).hasSize(1);
                assertThat(r.err()).startsWith("clawguard sudo shim: ");
            }
        }
    }

    @Test
    void aRefusalNamesTheOptionOrTheUser() throws Exception {
        assertThat(sudo(Map.of(), "-k", "-s", "/usr/bin/id").err()).contains("-s").contains("not supported");
        assertThat(sudo(Map.of(), "--login").err()).contains("--login");
        assertThat(sudo(Map.of(), "-u", "postgres", "/usr/bin/id").err()).contains("postgres").contains("admin's policy");
    }

    @Test
    void theRequestCarriesTheStateFolderTheReasonAndUseSudo() throws Exception {
        sudo(Map.of(), "-k", "/usr/bin/systemctl", "restart", "my service");
        assertThat(recorded(launcherArgv)).containsExactly("exec", "--home", home.toString(), "--use-sudo", "--reason",
                "sudo /usr/bin/systemctl (through the sudo shim)", "--", "/usr/bin/systemctl", "restart", "my service");
    }

    @Test
    void theSystemShimAsksTheRootBroker() throws Exception {
        Path system = root.resolve("system-sudo");
        Files.writeString(system, SudoShim.systemScript(List.of(recorder("launcher two", launcherArgv).toString())));
        run(Map.of(), system, "id");
        assertThat(recorded(launcherArgv)).containsExactly("exec", "--system", "--use-sudo", "--reason",
                "sudo /usr/bin/id (through the sudo shim)", "--", "/usr/bin/id");
    }

    @Test
    void argumentsArriveByteExactAndAreNeverEvaluated() throws Exception {
        Path pwned = root.resolve("pwned");
        List<String> args = List.of("a b", "it's", "say \"hi\"", "$(touch " + pwned + ")", "`touch " + pwned + "`",
                "; touch " + pwned, "line one\nline two", "", "*", "\\n\\c back\\slash", "$HOME", "-u", "--", "é ü ✓");
        String reason = "why: $(touch " + pwned + ") `id`\nsecond line";
        List<String> argv = new ArrayList<>(List.of("-k", "/usr/bin/printf"));
        argv.addAll(args);
        sudo(Map.of("CLAWGUARD_REASON", reason), argv.toArray(String[]::new));
        List<String> expected = new ArrayList<>(List.of("/usr/bin/printf"));
        expected.addAll(args);
        List<String> got = recorded(launcherArgv);
        assertThat(commandAfterDashDash(got)).isEqualTo(expected);
        assertThat(got.get(got.indexOf("--reason") + 1)).isEqualTo(reason);
        assertThat(pwned).doesNotExist();
    }

    @Test
    void theShimNeverEvaluates() {
        assertThat(SudoShim.script(List.of("/opt/clawguard/clawguard"), home)).doesNotContain("eval");
        assertThat(SudoShim.systemScript(List.of("/opt/clawguard/clawguard"))).doesNotContain("eval");
    }

    @Test
    void installAndUninstallLeaveOtherFilesAlone() throws Exception {
        assertThat(shim.installed()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shim.path()))).isEqualTo("rwxr-xr-x");
        assertThat(shim.uninstall()).isTrue();
        assertThat(shim.uninstall()).isFalse();
        Files.writeString(shim.path(), "#!/bin/sh\necho someone else's\n");
        assertThatThrownBy(() -> shim.install(List.of("/usr/bin/true"), home)).hasMessageContaining("not a ClawGuard shim");
        assertThatThrownBy(shim::uninstall).hasMessageContaining("not a ClawGuard shim");
        assertThat(Files.readString(shim.path())).contains("someone else's");
    }

    private Result sudo(Map<String, String> env, String... args) throws Exception {
        Map<String, String> withRealSudo = new java.util.HashMap<>(env);
        withRealSudo.put("OPENCLAW_REAL_SUDO", recorder("real sudo", realSudoArgv).toString());
        return run(withRealSudo, shim.path(), args);
    }

    /** Runs a shim as the agent's shell would: /bin/sh, in a folder of its own, a PATH with a decoy sudo folder. */
    private Result run(Map<String, String> env, Path script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("CLAWGUARD_REASON");
        pb.environment().put("PATH", root + ":/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    private record Result(int exit, String out, String err) {
    }

    private static List<String> recorded(Path record) throws IOException {
        String all = Files.readString(record, StandardCharsets.UTF_8);
        if (all.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    }

    private static List<String> commandAfterDashDash(List<String> launcherArgv) {
        return launcherArgv.subList(launcherArgv.indexOf("--") + 1, launcherArgv.size());
    }
}
