package io.clawguard.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.json.JsonValues;
import io.clawguard.policy.GuardConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules the service install decides by, without touching the system. */
class ServicePlanTest {
    static final Accounts ACCOUNTS = Accounts.of(List.of(
            "root:x:0:0:root:/root:/bin/bash",
            "toor:x:0:0:another root:/root:/bin/sh",
            "openclaw:x:1001:1001::/home/openclaw:/bin/bash",
            "alice:x:1002:1002::/home/alice:/bin/bash",
            "broken:x:notanumber:1:::"));

    @TempDir
    Path dir;

    @Test
    void onlyRootMayChangeTheSystem() {
        assertThat(RootOnly.refusal(0, "service install")).isEmpty();
        assertThat(RootOnly.refusal(4242, "service install")).hasValueSatisfying(line -> assertThat(line)
                .startsWith("clawguard service install: must run as root").contains("uid 4242").doesNotContain("\n"));
    }

    static Stream<Arguments> users() {
        return Stream.of(
                Arguments.of("openclaw", List.of("alice"), null),
                Arguments.of("1001", List.of("root"), null),
                Arguments.of("ghost", List.of("alice"), "--agent-user ghost: no such user in /etc/passwd"),
                Arguments.of("root", List.of("alice"), "--agent-user root is root"),
                Arguments.of("toor", List.of(), "--agent-user toor is root"),
                Arguments.of("broken", List.of(), "--agent-user broken: no such user"),
                Arguments.of("openclaw", List.of("alice", "mallory"), "--admin-user mallory: no such user"),
                Arguments.of("openclaw", List.of("openclaw"), "--admin-user openclaw is the agent's user"),
                Arguments.of("openclaw", List.of("1001"), "--admin-user 1001 is the agent's user"));
    }

    @ParameterizedTest(name = "agent {0}, admins {1}")
    @MethodSource("users")
    void theAgentIsARealUserWithoutRootAndNeverAnAdmin(String agent, List<String> admins, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> InstallChecks.users(agent, admins, ACCOUNTS)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> InstallChecks.users(agent, admins, ACCOUNTS))
                    .isInstanceOf(ServiceException.class).hasMessageStartingWith(refusal);
        }
    }

    @Test
    void aMissingJarRefusesTheInstallAndNamesIt() throws Exception {
        Path launcher = Files.writeString(dir.resolve("clawguard"), "#!/bin/sh\n");
        assertThatThrownBy(() -> ServicePlan.install(new ServicePlan.Install(launcher, "openclaw", List.of(),
                new ServiceLayout(dir.resolve("root"))), ACCOUNTS))
                .hasMessage(dir.resolve("target/clawguard.jar") + " not found: build the program first"
                        + " (./clawguard --version builds its jars)");
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void theConfigNamesTheAgentAndTheAdminsAndParses() throws Exception {
        String json = AccessConfig.json("openclaw", List.of("alice", "bob"));
        Path file = Files.writeString(dir.resolve("clawguard.json"), json);
        GuardConfig config = GuardConfig.load(file, 0);
        assertThat(config.agentUsers()).containsExactly("openclaw");
        assertThat(config.adminUsers()).containsExactly("alice", "bob");
        Map<?, ?> doc = (Map<?, ?>) JsonValues.parse(json);
        assertThat(doc.keySet().stream().map(String::valueOf)).containsExactly("agent_users", "admin_users");
    }

    static Stream<Arguments> existingConfigs() {
        String ours = "{\"agent_users\": [\"openclaw\"], \"admin_users\": [\"alice\"]}";
        return Stream.of(
                Arguments.of("absent", null, "rw-r--r--", "write"),
                Arguments.of("the same users", ours, "rw-r--r--", "keep"),
                Arguments.of("more admins and settings",
                        "{\"agent_users\": [\"openclaw\"], \"admin_users\": [\"alice\", \"bob\"],"
                                + " \"idle_timeout_minutes\": 10}", "rw-r--r--", "keep"),
                Arguments.of("another agent", "{\"agent_users\": [\"other\"], \"admin_users\": [\"alice\"]}",
                        "rw-r--r--", "exists and names agent_users [other], admin_users [alice]"),
                Arguments.of("no admins", "{\"agent_users\": [\"openclaw\"]}", "rw-r--r--",
                        "exists and names agent_users [openclaw], admin_users []"),
                Arguments.of("group-writable", ours, "rw-rw-r--", "is writable by group or others"),
                Arguments.of("broken", "{\"agent_users\": [", "rw-r--r--", "invalid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("existingConfigs")
    void anAdminsConfigIsKeptWhenItNamesTheseUsersAndNeverOverwritten(String name, String text, String mode,
                                                                      String outcome) throws Exception {
        Path file = dir.resolve("clawguard.json");
        if (text != null) {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(mode));
        }
        if (outcome.equals("write") || outcome.equals("keep")) {
            assertThat(AccessConfig.step(file, "openclaw", List.of("alice")).describe()).startsWith(outcome + " ");
        } else {
            assertThatThrownBy(() -> AccessConfig.step(file, "openclaw", List.of("alice")))
                    .isInstanceOf(ServiceException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining(outcome);
        }
    }

    @Test
    void theUnitShippedInTheJarIsTheReferenceFile() throws Exception {
        String reference = Files.readString(Path.of("references/systemd/clawguard-broker.service"));
        assertThat(ServicePlan.unitText()).isEqualTo(reference);
        assertThat(reference.lines().map(String::strip)).contains("Type=simple",
                "ExecStart=/opt/clawguard/clawguard broker --system", "User=root", "Restart=on-failure",
                "RuntimeDirectory=clawguard", "RuntimeDirectoryMode=0711", "StateDirectory=clawguard",
                "StateDirectoryMode=0700", "LogsDirectory=clawguard", "LogsDirectoryMode=0700",
                "KillMode=control-group", "WantedBy=multi-user.target");
        assertThat(reference.lines().filter(l -> !l.startsWith("#")))
                .noneMatch(l -> l.startsWith("NoNewPrivileges") || l.startsWith("ProtectSystem")
                        || l.startsWith("PrivateTmp") || l.startsWith("CapabilityBoundingSet"));
    }

    static Stream<Arguments> sudoListings() {
        return Stream.of(
                Arguments.of("User openclaw is not allowed to run sudo on web1.\n", ""),
                Arguments.of("Matching Defaults entries for openclaw on web1:\n    env_reset, secure_path=/usr/sbin\n\n"
                        + "User openclaw may run the following commands on web1:\n    (ALL : ALL) ALL\n",
                        "WARNING: sudoers lets openclaw run commands"),
                Arguments.of("User openclaw may run the following commands on web1:\n    (root) NOPASSWD: /usr/bin/apt\n",
                        "WARNING: sudoers lets openclaw run commands"),
                Arguments.of("sudo: unknown user openclaw\n",
                        "WARNING: could not tell whether sudoers lets openclaw run commands (sudo -l -U openclaw exited 1:"
                                + " sudo: unknown user openclaw)"),
                Arguments.of("", "WARNING: could not tell whether sudoers lets openclaw run commands (sudo -l -U openclaw exited 0"));
    }

    @ParameterizedTest
    @MethodSource("sudoListings")
    void sudoersRightsAreReadFromTheListingAndAnUnreadableAnswerIsSaid(String listing, String warning) {
        String said = SudoRights.warning("openclaw", new HostCommand.Result(listing.contains("sudo:") ? 1 : 0, listing))
                .orElse("");
        if (warning.isEmpty()) {
            assertThat(said).isEmpty();
        } else {
            assertThat(said).startsWith(warning);
        }
    }

    @Test
    void hostPathsMoveUnderTheRootFolder() {
        ServiceLayout test = new ServiceLayout(dir);
        assertThat(test.at(ServiceLayout.UNIT)).isEqualTo(dir.resolve("etc/systemd/system/clawguard-broker.service"));
        assertThat(test.onHost()).isFalse();
        assertThat(ServiceLayout.HOST.at(ServiceLayout.UNIT)).isEqualTo(ServiceLayout.UNIT);
        assertThat(ServiceLayout.HOST.onHost()).isTrue();
    }
}
