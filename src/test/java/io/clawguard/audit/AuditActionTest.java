package io.clawguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.json.JsonValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditActionTest {
    @Test
    void everyActionTheSeedLogRecordsIsOneWeWrite() throws Exception {
        for (String line : Files.readAllLines(Path.of("src/test/resources/seed-format/privileged-audit.jsonl"))) {
            Object action = ((Map<?, ?>) JsonValues.parse(line)).get("action");
            assertThat(AuditAction.named(action)).as(String.valueOf(action)).isPresent();
            assertThat(AuditAction.named(action).orElseThrow().logName()).isEqualTo(action);
        }
    }

    @Test
    void anUnknownOrMistypedNameIsNoAction() {
        assertThat(AuditAction.named("exec_start")).contains(AuditAction.EXEC_START);
        assertThat(AuditAction.named("EXEC_START")).isEmpty();
        assertThat(AuditAction.named("exec_start ")).isEmpty();
        assertThat(AuditAction.named(42L)).isEmpty();
        assertThat(AuditAction.named(null)).isEmpty();
    }

    /** The enum is the one place an action is named: a literal elsewhere would drift from it. */
    @Test
    void noActionNameIsSpelledOutInTheCodeOutsideTheEnum() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith("AuditAction.java")) {
                    continue;
                }
                String source = Files.readString(f);
                for (AuditAction a : AuditAction.values()) {
                    if (source.contains("\"" + a.logName() + "\"")) {
                        found.add(f + ": " + a.logName());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
