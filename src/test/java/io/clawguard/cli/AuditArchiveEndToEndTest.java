package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.audit.AuditLog;
import io.clawguard.audit.AuditSegments;
import io.clawguard.files.StateHome;
import io.clawguard.testing.CliProcess;
import io.clawguard.testing.TestHomes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit archive} as a real process: the oldest segments move out, {@code audit verify} still says intact. */
class AuditArchiveEndToEndTest {
    @TempDir
    Path root;

    @Test
    void theOldestSegmentsMoveOutAndTheRestStillVerifies() throws Exception {
        StateHome home = TestHomes.under(root);
        TestHomes.write(home.config(), "{\"audit_rotate_mb\": 1}");
        AuditLog log = AuditWriter.of(home, Clock.systemUTC());
        String reason = "x".repeat(20_000);
        for (int n = 0; AuditSegments.rotated(home.auditLog()).size() < 3; n++) {
            log.append(AuditAction.EXEC_START, AuditFields.fields().reason(reason + n));
        }
        CliProcess.Result archived = CliProcess.run(root, Map.of(), "", "audit", "archive", "--through", "2",
                "--home", home.dir().toString());
        assertThat(archived.exitCode()).as(archived.stderr()).isZero();
        assertThat(archived.stdout()).contains("archived 2 segments");
        CliProcess.Result verified = CliProcess.run(root, Map.of(), "", "audit", "verify", "--home",
                home.dir().toString());
        assertThat(verified.exitCode()).as(verified.stdout()).isZero();
        assertThat(verified.stdout()).contains("intact");
        CliProcess.Result again = CliProcess.run(root, Map.of(), "", "audit", "archive", "--through", "2",
                "--home", home.dir().toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.stderr()).contains("no segment privileged-audit.jsonl.000002");
    }
}
