package io.clawguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process names itself: a rule that names a program believes the name only of a system program. */
class SystemProgramTest {
    @TempDir
    Path dir;

    @Test
    void aProgramOfTheSystemIsOneAndAUsersCopyOfItIsNot() throws Exception {
        assertThat(SystemProgram.is(Path.of("/usr/bin/true").toRealPath())).isTrue();
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.setAttribute(home, "unix:uid", 4242);
        Path copy = Files.copy(Path.of("/usr/bin/true"), home.resolve("apt-get"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.setAttribute(copy, "unix:uid", 0);
        assertThat(SystemProgram.is(copy)).as("root's file, but in a folder the agent owns").isFalse();
        Path writable = Files.copy(Path.of("/usr/bin/true"), dir.resolve("true"));
        Files.setPosixFilePermissions(writable, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(SystemProgram.is(writable)).as("anyone may write it").isFalse();
        assertThat(SystemProgram.is(Path.of("/usr/bin/true (deleted)"))).isFalse();
        assertThat(SystemProgram.is(Path.of("bin/true"))).isFalse();
    }

    @Test
    void aProcessThatNamesItselfLikeAnAllowedProgramIsNotAllowed() {
        EgressRule aptOnly = new EgressRule(0, Protocol.TCP, null, null, Cidr.parse("0.0.0.0/0"), 443, "apt-get",
                "updates");
        Connection fake = new Connection(Protocol.TCP, Sockets.ip("192.0.2.2"), 40000, Sockets.ip("203.0.113.7"), 443,
                4242, "apt-get", "agent", false);
        Connection real = new Connection(Protocol.TCP, Sockets.ip("192.0.2.2"), 40001, Sockets.ip("203.0.113.7"), 443,
                4243, "apt-get", "agent", true);
        EgressReport report = EgressEvaluator.evaluate(Sockets.snapshot(List.of(), List.of(fake, real)),
                Optional.of(List.of(aptOnly)), Sockets.resolver(Map.of(), Map.of()));
        assertThat(report.findings()).as("the agent's own program called apt-get").singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo(fake.destinationKey()));
    }

    @Test
    void aListenerNamedLikeTheApprovedServiceIsOnlyThatServiceWhenItsNameCanBeTrusted() {
        PortRule sshd = new PortRule(2222, Protocol.TCP, "sshd", null, "ssh");
        assertThat(sshd.matches(new ListeningSocket(Protocol.TCP, Sockets.ip("0.0.0.0"), 2222, 4242, "sshd", "agent",
                false))).isFalse();
        assertThat(sshd.matches(new ListeningSocket(Protocol.TCP, Sockets.ip("0.0.0.0"), 2222, 700, "sshd", "root",
                true))).isTrue();
    }

    @Test
    void aLinkNamedLikeAnotherProgramOrARenamedProcessIsNotThatProgram() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("apt-get"), Path.of("/usr/bin/sleep"));
        Process disguised = new ProcessBuilder(link.toString(), "30").start();
        Process plain = new ProcessBuilder("/usr/bin/sleep", "30").start();
        try {
            ProcFs proc = new ProcFs(Path.of("/proc"));
            for (int i = 0; i < 100 && !proc.status((int) disguised.pid()).map(ProcessStatus::name).orElse("")
                    .equals("apt-get"); i++) {
                Thread.sleep(10);
            }
            assertThat(proc.status((int) disguised.pid()).map(ProcessStatus::name)).contains("apt-get");
            assertThat(proc.runsSystemProgram((int) disguised.pid(), "apt-get"))
                    .as("named apt-get, runs sleep").isFalse();
            assertThat(proc.runsSystemProgram((int) plain.pid(), "sleep")).isTrue();
        } finally {
            disguised.destroyForcibly().waitFor();
            plain.destroyForcibly().waitFor();
        }
    }
}
