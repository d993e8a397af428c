package io.clawguard.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotifierTest {
    @TempDir
    Path dir;

    private Assessment assessment(Status gateway) {
        Control control = new Control("gateway_loopback_only", "Gateway bound to loopback", "", "high", List.of(),
                List.of(), List.of());
        Control other = new Control("update_hygiene", "Update hygiene", "", "low", List.of(), List.of(), List.of());
        return new Assessment(Instant.parse("2026-11-24T12:00:00Z"), "host1", 50, new Coverage(4, 4, 2, 2), 70, "poor",
                java.util.Map.of(), java.util.Map.of(), List.of(
                new ScoredCheck(control, new CheckResult("gateway_loopback_only", gateway, "high", "bound to lan", "", "", "")),
                new ScoredCheck(other, new CheckResult("update_hygiene", Status.COMPLIANT, "low", "ok", "", "", ""))));
    }

    @Test
    void oneMessageWhenACheckWorsensNoneOtherwise() throws Exception {
        Path out = dir.resolve("received.txt");
        TestHomes.write(dir.resolve("notify.json"), "{\"command\": [\"/usr/bin/tee\", \"" + out + "\"]}");
        Notifier n = new Notifier(dir.resolve("compliance-state.json"), dir.resolve("notify.json"));
        assertThat(n.process(assessment(Status.COMPLIANT))).as("first run: nothing to compare with").isEmpty();
        assertThat(n.process(assessment(Status.COMPLIANT))).isEmpty();
        assertThat(n.process(assessment(Status.VIOLATION))).isPresent();
        assertThat(Files.readString(out)).contains("ClawGuard on host1: compliance got worse",
                "gateway_loopback_only: compliant → violation (bound to lan)").doesNotContain("update_hygiene");
        Files.delete(out);
        assertThat(n.process(assessment(Status.VIOLATION))).as("still bad, not worse: no repeat").isEmpty();
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/usr/bin/bash", "/usr/bin/python3", "/usr/bin/python3.11", "/usr/bin/env", "logger"})
    void shellsInterpretersAndRelativePathsAreRefused(String program) {
        TestHomes.write(dir.resolve("notify.json"), "{\"command\": [\"" + program + "\", \"-c\", \"echo\"]}");
        Notifier n = new Notifier(dir.resolve("compliance-state.json"), dir.resolve("notify.json"));
        assertThatThrownBy(n::command).isInstanceOf(InvalidJsonFileException.class)
                .hasMessageContaining("notify.json").hasMessageContaining("\"command\"");
    }
}
