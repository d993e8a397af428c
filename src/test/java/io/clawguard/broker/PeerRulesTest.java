package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clawguard.policy.GuardConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may ask and who may attach, by the kernel's uid and gid against clawguard.json's names. */
class PeerRulesTest {
    @TempDir
    Path dir;
    Path passwd;
    Path group;

    @BeforeEach
    void files() throws Exception {
        passwd = Files.writeString(dir.resolve("passwd"), String.join("\n",
                "root:x:0:0:root:/root:/bin/bash", "openclaw:x:1001:1001::/home/openclaw:/bin/sh",
                "alice:x:2001:2001::/home/alice:/bin/bash", "bob:x:2002:2002::/home/bob:/bin/bash",
                "carol:x:2003:2003::/home/carol:/bin/bash", ""));
        group = Files.writeString(dir.resolve("group"), String.join("\n",
                "root:x:0:", "agents:x:3000:", "wheel:x:3001:bob,carol", ""));
    }

    private static GuardConfig config(List<String> agentUsers, List<String> agentGroups, List<String> adminUsers,
                                      List<String> adminGroups) {
        return new GuardConfig(Duration.ofMinutes(30), Duration.ofMinutes(5), null, null, agentUsers, agentGroups,
                adminUsers, adminGroups, 256, 64, 64, null, null, GuardConfig.Fleet.NONE, false, false, false, true, 16);
    }

    @Test
    void namedUsersAndGroupsAndTheBrokersOwnUserAndRoot() throws Exception {
        PeerRules rules = PeerRules.of(config(List.of("openclaw", "4242"), List.of("agents"), List.of("alice"),
                List.of("wheel")), 999, passwd, group);
        assertThat(rules.mayAsk(1001, 1001)).isTrue();
        assertThat(rules.mayAsk(4242, 4242)).as("by number").isTrue();
        assertThat(rules.mayAsk(5555, 3000)).as("by the kernel's gid").isTrue();
        assertThat(rules.mayAsk(999, 999)).as("the broker's own user").isTrue();
        assertThat(rules.mayAsk(2001, 2001)).as("an admin is not an agent").isFalse();
        assertThat(rules.mayAttach(2001, 2001)).isTrue();
        assertThat(rules.mayAttach(2003, 2003)).as("listed as a member of wheel").isTrue();
        assertThat(rules.mayAttach(0, 0)).isTrue();
        assertThat(rules.mayAttach(1001, 1001)).as("the agent is not an admin").isFalse();
        assertThat(rules.mayAttach(5555, 5555)).isFalse();
    }

    @Test
    void anUnknownNameIsAnErrorNeverSkipped() {
        assertThatThrownBy(() -> PeerRules.of(config(List.of("nobody-here"), List.of(), List.of(), List.of()), 0, passwd,
                group)).hasMessageContaining("agent_users names \"nobody-here\", which is not in /etc/passwd");
        assertThatThrownBy(() -> PeerRules.of(config(List.of(), List.of(), List.of(), List.of("ops")), 0, passwd, group))
                .hasMessageContaining("admin_groups names \"ops\"");
    }
}
