package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.audit.AuditLog;
import io.clawguard.files.StateHome;
import io.clawguard.json.JsonValues;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.OtherUsers;
import io.clawguard.testing.TestHomes;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-code contract, row by row, for every report command: each a real process in a temp
 * home made to be clean, to have findings, to be misused, to lack evidence, to have a broken
 * file, to lack its audit log, or to fail inside. Network reports run in a network namespace of
 * their own (unshare --net), so what listens is only what the row starts.
 */
class ExitCodeContractTest {
    private static final List<String> OWN_NETWORK = List.of("unshare", "--net", "--");

    @TempDir
    Path root;

    /** How a row prepares its home. */
    @FunctionalInterface
    interface Setup {
        void prepare(StateHome home, Path root) throws Exception;
    }

    static Stream<Arguments> contract() {
        Setup none = (h, r) -> { };
        Setup brokenPorts = (h, r) -> TestHomes.write(h.approvedPorts(), "{\"approved\": [oops");
        Setup brokenEgress = (h, r) -> TestHomes.write(h.egressAllowlist(), "[1, 2");
        Setup brokenConfig = (h, r) -> TestHomes.write(h.config(), "{\"idle_timeout_minutes\": 99999}");
        Setup records = (h, r) -> new AuditLog(h.auditLog(), Clock.systemUTC()).append(AuditAction.BROKER_STARTED,
                AuditFields.fields());
        Setup edited = (h, r) -> {
            records.prepare(h, r);
            new AuditLog(h.auditLog(), Clock.systemUTC()).append(AuditAction.BROKER_STOPPED, AuditFields.fields());
            String text = Files.readString(h.auditLog()).replace("broker_started", "broker_startex");
            Files.writeString(h.auditLog(), text);
        };
        Setup sharedFolder = (h, r) -> Files.setPosixFilePermissions(h.dir(),
                PosixFilePermissions.fromString("rwxrwxrwx"));
        Setup aFileInTheWay = (h, r) -> Files.writeString(r.resolve("not-a-folder"), "");
        return Stream.of(
                row("ports in an empty network", none, 0, false, true, "ports"),
                row("ports with an unapproved listener", none, 1, false, true, "ports"),
                row("ports with an unknown option", none, 2, false, false, "ports", "--bogus"),
                row("ports with a broken approved_ports.json", brokenPorts, 4, false, true, "ports"),
                row("ports --json with a broken approved_ports.json", brokenPorts, 4, true, true, "ports", "--json"),
                row("egress in an empty network", none, 0, false, true, "egress"),
                row("egress --json with a broken egress_allowlist.json", brokenEgress, 4, true, true, "egress", "--json"),
                row("assess of a fresh host", none, 1, false, false, "assess"),
                row("assess of a host that cannot be reached", none, 3, false, false, "assess", "--host",
                        "gone=ssh://127.0.0.1:" + closedPort()),
                row("assess --json - with an unknown option", none, 2, true, false, "assess", "--json", "-", "--bogus"),
                row("audit verify of an intact log", records, 0, false, false, "audit", "verify"),
                row("audit verify of an edited log", edited, 5, false, false, "audit", "verify"),
                row("audit verify without a log", none, 5, false, false, "audit", "verify"),
                row("audit verify --json without a log", none, 5, true, false, "audit", "verify", "--json"),
                row("audit verify --allow-empty without a log", none, 0, false, false, "audit", "verify", "--allow-empty"),
                row("audit tail of a log", records, 0, false, false, "audit", "tail"),
                row("audit tail without a log", none, 5, false, false, "audit", "tail"),
                row("status of a fresh home", none, 0, false, false, "status"),
                row("status with a broken clawguard.json", brokenConfig, 4, false, false, "status"),
                row("status --json with a broken clawguard.json", brokenConfig, 4, true, false, "status", "--json"),
                row("status whose state file is a folder", (h, r) -> Files.createDirectories(h.elevationState()), 4,
                        false, false, "status"),
                row("assess writing under a file", aFileInTheWay, 6, false, false, "assess", "--md",
                        "not-a-folder/report.md"),
                row("preflight of a fresh home", none, 0, false, false, "preflight"),
                row("preflight of a state folder anyone can write", sharedFolder, 1, false, false, "preflight"),
                row("preflight with an unknown option", none, 2, false, false, "preflight", "--bogus"));
    }

    private static Arguments row(String name, Setup setup, int code, boolean jsonError, boolean ownNetwork,
                                 String... args) {
        return Arguments.of(name, setup, code, jsonError, ownNetwork, args);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLogFolderOthersCanWriteIsRefusedWithTheFolderNamed() throws Exception {
        StateHome home = TestHomes.under(root);
        Path logs = Files.createDirectories(home.logFile().getParent());
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliProcess.Result r = CliProcess.collect(CliProcess.start(OWN_NETWORK, root, Map.of(), "ports", "--home",
                home.dir().toString()), "ports");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(4);
        assertThat(r.stderr().strip()).startsWith("clawguard ports: " + logs + ": the log folder must be")
                .doesNotContain("\n", "Exception");
        assertThat(home.logFile()).doesNotExist();
    }

    @Test
    void logFilesAreOwnerOnly() throws Exception {
        StateHome home = TestHomes.under(root);
        CliProcess.Result r = CliProcess.collect(CliProcess.start(OWN_NETWORK, root, Map.of(), "ports", "--home",
                home.dir().toString()), "ports");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(home.logFile().getParent()).isEqualTo(home.dir().resolve("logs"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.logFile()))).isEqualTo("rw-------");
    }

    @Test
    void hookInstallIntoAHomeTheUserCannotWriteSaysSoInOneLine() throws Exception {
        StateHome rootsHome = TestHomes.under(root.resolve("roots"));
        OtherUsers users = new OtherUsers(root);
        Process p = users.java(4311, root, Map.of(), "io.clawguard.cli.ClawGuard", "hook", "install", "--home",
                rootsHome.dir().toString());
        p.getOutputStream().close();
        CliProcess.Result r = CliProcess.collect(p, "hook install");
        assertThat(r.exitCode()).isEqualTo(6);
        List<String> lines = r.stderr().lines().filter(l -> !l.startsWith("Picked up")).toList();
        assertThat(lines).singleElement().satisfies(l -> assertThat(l).startsWith("clawguard hook install: permission"
                + " denied: ").doesNotContain("Exception"));
    }

    @ParameterizedTest(name = "{0} exits {2}")
    @MethodSource("contract")
    void eachRowExitsWithItsCodeAndSaysWhyWhereAScriptLooks(String name, Setup setup, int code, boolean jsonError,
                                                          boolean ownNetwork, String[] args) throws Exception {
        StateHome home = TestHomes.under(root);
        setup.prepare(home, root);
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--home", home.dir().toString()));
        Process p = name.contains("unapproved listener")
                ? CliProcess.start(List.of("unshare", "--net", "--", "sh", "-c", "python3 -c 'import socket,time;"
                        + " s=socket.socket(); s.bind((\"0.0.0.0\", 8099)); s.listen(); time.sleep(30)' & sleep 0.5;"
                        + " \"$@\"; r=$?; kill $!; exit $r", "sh"), root, Map.of(), argv.toArray(String[]::new))
                : CliProcess.start(ownNetwork ? OWN_NETWORK : List.of(), root, Map.of(), argv.toArray(String[]::new));
        CliProcess.Result r = CliProcess.collect(p, name);
        assertThat(r.exitCode()).as("%s\nstdout: %s\nstderr: %s", name, r.stdout(), r.stderr()).isEqualTo(code);
        String command = "clawguard " + String.join(" ", args.length > 1 && args[0].equals("audit")
                ? List.of(args[0], args[1]) : List.of(args[0])) + ": ";
        List<String> errLines = r.stderr().lines().filter(l -> !l.startsWith("Picked up")).toList();
        switch (code) {
            case 2 -> assertThat(errLines.get(0)).startsWith(command).contains("--bogus");
            case 4 -> assertThat(errLines).anySatisfy(l -> assertThat(l).startsWith(command)
                    .containsAnyOf(home.approvedPorts().toString(), home.egressAllowlist().toString(),
                            home.config().toString(), home.elevationState().toString()));
            case 5 -> {
                if (r.stdout().isEmpty() || jsonError) {
                    assertThat(errLines).anySatisfy(l -> assertThat(l).startsWith(command).contains(home.auditLog()
                            .toString()));
                } else {
                    assertThat(r.stdout()).contains("BROKEN");
                }
            }
            case 6 -> {
                assertThat(errLines).hasSize(1);
                assertThat(errLines.get(0)).startsWith(command).contains("details in " + home.logFile());
                assertThat(Files.readString(home.logFile(), StandardCharsets.UTF_8)).contains("\tat ");
            }
            default -> assertThat(r.stderr()).doesNotContain("Exception");
        }
        if (jsonError) {
            @SuppressWarnings("unchecked")
            Map<String, Object> error = (Map<String, Object>) ((Map<?, ?>) JsonValues.parse(r.stdout())).get("error");
            assertThat(error).as(r.stdout()).containsKeys("kind", "file", "message");
            assertThat(error.get("kind")).isEqualTo(switch (code) {
                case 2 -> "usage";
                case 4 -> "config";
                case 5 -> "audit";
                default -> "internal";
            });
        } else if (code >= 2) {
            assertThat(r.stdout()).as("an error is not a report").doesNotContain("\"error\"");
        }
    }
}
