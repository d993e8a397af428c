package io.clawguard.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ATTACK (hostile or wedged remote host): {@code assess --host} promises to give a host up
 * after two minutes (FleetAssessment.WAIT, "no answer within 2 minutes"). But the wait is only
 * applied by {@code p.waitFor} after {@code read(p.getInputStream())} has returned, and that
 * read blocks until the host closes its output or sends 16 MiB (FleetAssessment.assess). A host
 * whose {@code clawguard} never answers and never exits (the ssh link stays up: keep-alives
 * are answered) keeps its row, and so the whole report of every host, waiting for ever.
 * The wait is shortened to 3 s here; the command's own is two minutes.
 */
class FleetAssessmentAttackTest {
    @TempDir
    Path root;

    @Test
    void aHostThatNeverAnswersIsGivenUpAfterTheWait() throws Exception {
        // Stands in for ssh to a host whose clawguard hangs: the connection stays open, nothing comes.
        Path fakeSsh = root.resolve("hung-ssh");
        Files.writeString(fakeSsh, "#!/bin/sh\nexec sleep 200\n");
        Files.setPosixFilePermissions(fakeSsh, PosixFilePermissions.fromString("rwx------"));
        List<HostAddress> hosts = HostAddress.parseAll(List.of("hung=ssh://h1"));
        List<FleetAssessment.HostReport> reports = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> FleetAssessment.gather(hosts, new SshSettings(fakeSsh.toString(), null, "clawguard"),
                        Duration.ofSeconds(3)),
                "assess --host still waits on a silent host long after its wait");
        assertThat(reports).singleElement().satisfies(r -> assertThat(r.problem()).contains("no answer within"));
    }
}
