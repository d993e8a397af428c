package io.clawguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.testing.TestHomes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandPolicyFileTest {
    @TempDir
    Path dir;

    @Test
    void absentFileIsNoPolicy() throws Exception {
        assertThat(CommandPolicyFile.load(dir.resolve("command-policy.json"))).isEmpty();
    }

    @Test
    void seedTemplateLoadsUnchanged() throws Exception {
        Path file = dir.resolve("command-policy.json");
        TestHomes.write(file, TestHomes.resource("seed-format/command-policy.template.json"));
        CommandPolicy p = CommandPolicyFile.load(file).orElseThrow();
        assertThat(p.deny()).hasSize(3);
        assertThat(p.evaluate(List.of("/usr/bin/rm", "-rf", "/")).reason()).isEqualTo("deny_match");
        assertThat(p.evaluate(List.of("/usr/bin/python3", "x.py")).allowed()).isTrue();
        assertThat(p.maxArgs()).isEqualTo(CommandPolicy.DEFAULT_MAX_ARGS);
        assertThat(p.maxArgBytes()).isEqualTo(CommandPolicy.DEFAULT_MAX_ARG_BYTES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON            | {\"deny\": [          | invalid JSON",
        "invalid regex       | {\"deny\": [\"ok\", \"(unclosed\"]} | \"deny[1]\" is not a valid regex",
        "regex not a string  | {\"allow\": [42]}      | \"allow[0]\" must be a string",
        "exact not argv      | {\"deny_exact\": [\"/bin/rm\"]} | \"deny_exact[0]\" must be an array of strings",
        "empty exact argv    | {\"allow_exact\": [[]]} | \"allow_exact[0]\" is an empty argv",
        "not an object       | [1, 2]                | must be a JSON object",
        "bad two-person rule | {\"two_person\": [\"(\"]} | \"two_person[0]\" is not a valid regex",
        "run_as without user | {\"run_as\": [{\"match\": \"x\"}]} | user",
        "run_as odd user     | {\"run_as\": [{\"match\": \"x\", \"user\": \"r;m\"}]} | is not a user name or uid",
        "run_as bad regex    | {\"run_as\": [{\"match\": \"(\", \"user\": \"nobody\"}]} | \"run_as[0].match\" is not a valid regex",
        "max_args of zero    | {\"max_args\": 0}     | \"max_args\" must be between 1 and 100000",
        "max_arg_bytes huge  | {\"max_arg_bytes\": 99999999} | \"max_arg_bytes\" must be between 1 and 1048576"})
    void brokenFileIsAnErrorNamingFileAndField(String name, String text, String expected) {
        Path file = dir.resolve("command-policy.json");
        TestHomes.write(file, text);
        assertThatThrownBy(() -> CommandPolicyFile.load(file))
                .isInstanceOf(InvalidJsonFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }
}
