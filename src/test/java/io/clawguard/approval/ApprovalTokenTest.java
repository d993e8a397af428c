package io.clawguard.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.files.ProcessIdentity;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalTokenTest {
    @TempDir
    Path dir;

    @Test
    void matchesOnlyTheExactToken() {
        ApprovalToken t = ApprovalToken.of("correct horse");
        assertThat(t.matches("correct horse")).isTrue();
        assertThat(t.matches("correct horse\n")).isTrue();
        assertThat(t.matches("correct hors")).isFalse();
        assertThat(t.matches("")).isFalse();
        assertThat(t.matches(null)).isFalse();
    }

    @Test
    void aTokenFileOthersCanReadIsRefused() throws Exception {
        Path file = dir.resolve("approval-token");
        TestHomes.write(file, "s3cret\n");
        assertThat(ApprovalToken.fromFile(file, ProcessIdentity.uid()).matches("s3cret")).isTrue();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ApprovalToken.fromFile(file, ProcessIdentity.uid()))
                .hasMessageContaining("readable by group or others");
    }
}
