package io.clawguard;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.files.ProcessIdentity;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import io.clawguard.policy.CommandPolicy;
import io.clawguard.policy.CommandPolicyFile;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.PromptPolicy;
import io.clawguard.testing.TestHomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file shipped under {@code references/} loads with the parser that reads it in production. */
class ReferencesTest {
    private static final Path REFERENCES = Path.of("references");
    private static final Path TEMPLATES = REFERENCES.resolve("templates");

    @Test
    void commandPolicyTemplateBlocksShellsAndDestructiveCommands() throws Exception {
        CommandPolicy p = CommandPolicyFile.load(TEMPLATES.resolve("command-policy.template.json")).orElseThrow();
        assertThat(p.evaluate(List.of("/usr/bin/bash", "-c", "id")).reason()).isEqualTo("deny_match");
        assertThat(p.evaluate(List.of("/usr/bin/rm", "-fr", "/srv")).reason()).isEqualTo("deny_match");
        assertThat(p.evaluate(List.of("/usr/bin/systemctl", "restart", "nginx")).allowed()).isTrue();
        assertThat(p.evaluate(List.of("/usr/bin/cat", "/etc/shadow")).reason()).isEqualTo("not_in_allowlist");
    }

    @Test
    void promptPolicyTemplateRequiresConfirmation() throws Exception {
        assertThat(PromptPolicy.load(TEMPLATES.resolve("prompt-policy.template.json")).orElseThrow()
                .requireConfirmationForUntrusted()).isTrue();
    }

    @Test
    void ruleTemplatesAreArraysOfRules() throws Exception {
        for (String name : List.of("approved_ports.template.json", "egress-allowlist.template.json")) {
            Path file = TEMPLATES.resolve(name);
            List<JsonObject> rules = JsonObject.listOf(name, JsonFiles.read(file).orElseThrow());
            assertThat(rules).isNotEmpty();
            for (JsonObject r : rules) {
                assertThat(r.string("protocol")).isIn("tcp", "udp");
                assertThat(r.optString("comment")).isPresent();
            }
        }
    }

    @Test
    void configTemplateLoadsWithItsDefaults(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("clawguard.json");
        TestHomes.write(config, Files.readString(TEMPLATES.resolve("clawguard.template.json")));
        GuardConfig c = GuardConfig.load(config, ProcessIdentity.uid());
        assertThat(c).isEqualTo(GuardConfig.DEFAULTS);
    }

    @Test
    void controlsMapHasOneCompleteEntryPerCheck() throws Exception {
        List<JsonObject> entries = JsonObject.listOf("compliance-controls-map.json",
                JsonFiles.read(REFERENCES.resolve("compliance-controls-map.json")).orElseThrow());
        Set<String> ids = new HashSet<>();
        for (JsonObject e : entries) {
            assertThat(ids.add(e.string("check_id"))).as("unique " + e.string("check_id")).isTrue();
            assertThat(e.string("title")).isNotBlank();
            assertThat(e.string("expected_state")).isNotBlank();
            assertThat(e.string("default_risk")).isIn("low", "medium", "high", "critical");
            assertThat(e.strings("iso27001")).isNotEmpty().allMatch(id -> id.matches("A\\.[5-8]\\.\\d{1,2}"));
            assertThat(e.strings("nist_csf")).isNotEmpty().allMatch(id -> id.matches("(GV|ID|PR|DE|RS|RC)\\.[A-Z]{2}-\\d{2}"));
            assertThat(e.strings("nist_sp800_53")).isNotEmpty().allMatch(id -> id.matches("[A-Z]{2}-\\d{1,2}(\\(\\d{1,2}\\))?"));
        }
        assertThat(ids).contains("privilege_approval_required", "egress_connections_approved", "public_binds_justified")
                .hasSize(35);
    }

    @Test
    void policyDocumentsExist() {
        assertThat(REFERENCES.resolve("least-privilege-policy.md")).isRegularFile();
        assertThat(REFERENCES.resolve("port-monitoring-policy.md")).isRegularFile();
    }
}
