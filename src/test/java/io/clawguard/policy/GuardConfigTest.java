package io.clawguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.files.ProcessIdentity;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardConfigTest {
    @TempDir
    Path dir;

    @Test
    void absentFileMeansSafeDefaults() throws Exception {
        GuardConfig c = GuardConfig.load(dir.resolve("clawguard.json"), ProcessIdentity.uid());
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.pendingTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.agentsNamed()).isFalse();
        assertThat(c.adminsNamed()).isFalse();
    }

    @Test
    void readsTheAdminsSettings() throws Exception {
        Path file = dir.resolve("clawguard.json");
        TestHomes.write(file, "{ // comment\n \"idle_timeout_minutes\": 10,"
                + " \"approval_token_file\": \"token\", \"agent_users\": [\"openclaw\"], \"agent_groups\": [\"agents\"],"
                + " \"admin_users\": [\"alice\", \"1002\"], \"admin_groups\": [\"wheel\"],"
                + " \"max_pending_per_uid\": 8, \"min_free_mb\": 100, \"audit_rotate_mb\": 16,"
                + " \"metrics\": {\"textfile_dir\": \"textfiles\"}, }");
        GuardConfig c = GuardConfig.load(file, ProcessIdentity.uid());
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.approvalTokenFile()).isEqualTo(dir.resolve("token"));
        assertThat(c.agentUsers()).containsExactly("openclaw");
        assertThat(c.agentGroups()).containsExactly("agents");
        assertThat(c.adminUsers()).containsExactly("alice", "1002");
        assertThat(c.adminGroups()).containsExactly("wheel");
        assertThat(c.agentsNamed()).isTrue();
        assertThat(c.adminsNamed()).isTrue();
        assertThat(c.maxPendingPerUid()).isEqualTo(8);
        assertThat(c.minFreeMegabytes()).isEqualTo(100);
        assertThat(c.auditRotateMegabytes()).isEqualTo(16);
        assertThat(c.metricsFolder()).isEqualTo(dir.resolve("textfiles"));
    }

    @Test
    void theTerminalFallbackIsRefusedBecauseTheAgentCouldAnswerIt() {
        Path file = dir.resolve("clawguard.json");
        TestHomes.write(file, "{\"tty_fallback\": true}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .isInstanceOf(InvalidJsonFileException.class).hasMessageContaining("tty_fallback")
                .hasMessageContaining("no longer supported");
    }

    @Test
    void aRequestedTimeoutCanOnlyShortenTheConfiguredOne() {
        GuardConfig c = GuardConfig.DEFAULTS;
        assertThat(c.idleTimeoutFor(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.idleTimeoutFor(Duration.ofMinutes(600))).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.idleTimeoutFor(null)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aConfigOthersCouldWriteIsRefused() throws Exception {
        Path file = dir.resolve("clawguard.json");
        TestHomes.write(file, "{\"idle_timeout_minutes\": 600}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .isInstanceOf(InvalidJsonFileException.class).hasMessageContaining("writable by group or others");
    }

    @Test
    void badValuesNameTheField() {
        Path file = dir.resolve("clawguard.json");
        TestHomes.write(file, "{\"idle_timeout_minutes\": 0}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .hasMessageContaining("\"idle_timeout_minutes\" must be between 1 and 1440 minutes");
        TestHomes.write(file, "{\"max_pending_per_uid\": 0}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .hasMessageContaining("\"max_pending_per_uid\" must be between 1 and 10000");
        TestHomes.write(file, "{\"metrics\": {\"textfile\": \"/x\"}}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .hasMessageContaining("metrics.textfile_dir");
        TestHomes.write(file, "{\"metrics\": \"/var/lib/node_exporter\"}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .hasMessageContaining("metrics").hasMessageContaining("must be a JSON object");
        TestHomes.write(file, "{\"audit_rotate_mb\": 0}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .hasMessageContaining("\"audit_rotate_mb\" must be between 1 and 4096");
        TestHomes.write(file, "{\"tty_fallback\": \"yes\"}");
        assertThatThrownBy(() -> GuardConfig.load(file, ProcessIdentity.uid()))
                .hasMessageContaining("\"tty_fallback\" must be true or false");
    }
}
