package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.json.JsonValues;
import io.clawguard.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records keep the seed's field names and one type per field, whoever builds them. */
class AuditFieldsTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aRecordReadsBackWithTheSeedsNamesAndTypes() throws Exception {
        Path file = dir.resolve("privileged-audit.jsonl");
        List<String> argv = new ArrayList<>(List.of("/usr/bin/true"));
        AuditFields f = AuditFields.fields().argv(argv).reason("restart web").sessionId(null).useSudo(false)
                .returnCode(0).requester(1001, 4242L).by(List.of("alice", "bob"));
        argv.add("--changed-after");
        new AuditLog(file, new MutableClock(Instant.parse("2026-11-24T12:00:00Z"))).append(AuditAction.EXEC_FINISH, f);

        Map<String, Object> r = (Map<String, Object>) JsonValues.parse(Files.readAllLines(file).get(0));
        assertThat(r).containsEntry("action", "exec_finish").containsEntry("argv", List.of("/usr/bin/true"))
                .containsEntry("reason", "restart web").containsEntry("session_id", null)
                .containsEntry("use_sudo", false).containsEntry("returncode", 0L)
                .containsEntry("requester_uid", 1001L).containsEntry("requester_pid", 4242L)
                .containsEntry("by", List.of("alice", "bob"));
    }

    @Test
    void aLaterValueForTheSameFieldReplacesTheFirstInItsPlace() {
        AuditFields f = AuditFields.fields().argv(List.of("/usr/bin/id")).reason("asked").requestId("r1")
                .reason("run_as_needs_root");
        assertThat(f.asMap().keySet()).containsExactly("argv", "reason", "request_id");
        assertThat(f.asMap()).containsEntry("reason", "run_as_needs_root");
    }
}
