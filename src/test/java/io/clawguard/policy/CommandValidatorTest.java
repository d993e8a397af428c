package io.clawguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.files.FileFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandValidatorTest {
    private static final String ID = Path.of("/usr/bin/id").toAbsolutePath().toString();

    /** Real paths, made-up ownership: the rule under test is the only thing that changes. */
    private static CommandValidator withFacts(int fileUid, int fileMode, int dirUid, int dirMode) {
        return new CommandValidator(path -> {
            FileFacts real = FileFacts.of(path);
            return real.directory()
                    ? new FileFacts(path, dirUid, dirMode, false, true)
                    : new FileFacts(path, fileUid, fileMode, real.regularFile(), false);
        });
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("root-owned 0755 in root folders", withFacts(0, 0755, 0, 0755), null),
                Arguments.of("owned by another user", withFacts(1000, 0755, 0, 0755), "owned by uid 1000, not root"),
                Arguments.of("group-writable", withFacts(0, 0775, 0, 0755), "writable by group or others"),
                Arguments.of("other-writable", withFacts(0, 0757, 0, 0755), "writable by group or others"),
                Arguments.of("setuid", withFacts(0, 04755, 0, 0755), "setuid or setgid"),
                Arguments.of("setgid", withFacts(0, 02755, 0, 0755), "setuid or setgid"),
                Arguments.of("folder owned by a user", withFacts(0, 0755, 1000, 0755), "folder"),
                Arguments.of("folder writable by others", withFacts(0, 0755, 0, 0777), "folder"),
                Arguments.of("not executable", withFacts(0, 0644, 0, 0755), "not executable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void commandRules(String name, CommandValidator validator, String problem) throws Exception {
        if (problem == null) {
            assertThat(validator.validateCommand(List.of("/usr/bin/id", "-u")).toString()).isEqualTo(
                    Path.of(ID).toRealPath().toString());
        } else {
            assertThatThrownBy(() -> validator.validateCommand(List.of("/usr/bin/id")))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining(problem);
        }
    }

    @Test
    void sudoBinaryMayBeSetuidButNotWritable() throws Exception {
        assertThat(withFacts(0, 04755, 0, 0755).validateSudo("/usr/bin/id")).isNotNull();
        assertThatThrownBy(() -> withFacts(0, 04777, 0, 0755).validateSudo("/usr/bin/id"))
                .hasMessageContaining("writable by group or others");
    }

    @Test
    void relativeMissingAndEmptyCommandsAreInvalid() {
        CommandValidator v = CommandValidator.onThisHost();
        assertThatThrownBy(() -> v.validateCommand(List.of("id"))).hasMessage("command path must be absolute: id");
        assertThatThrownBy(() -> v.validateCommand(List.of("/usr/bin/no-such-tool")))
                .hasMessage("command not found: /usr/bin/no-such-tool");
        assertThatThrownBy(() -> v.validateCommand(List.of())).hasMessage("no command given");
        assertThatThrownBy(() -> v.validateCommand(List.of("/tmp"))).hasMessageContaining("not a regular file");
    }

    @Test
    void aProgramInAWorldWritableFolderIsInvalid(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("tool");
        java.nio.file.Files.writeString(script, "#!/bin/sh\n");
        java.nio.file.Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        java.nio.file.Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> CommandValidator.onThisHost().validateCommand(List.of(script.toString())))
                .isInstanceOf(InvalidCommandException.class);
    }
}
