package io.clawguard.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Host addresses reach an ssh command line and a remote shell: only plain forms get through. */
class HostAddressTest {
    private static final SshSettings SSH = new SshSettings("ssh", null, "clawguard");

    @Test
    void aFullAddressBecomesAnSshCommandWithNothingAfterTheDestinationReadAsAnOption() {
        HostAddress a = HostAddress.parse("web1=ssh://admin@web1.example.org:2222/var/lib/clawguard");
        assertThat(a).isEqualTo(new HostAddress("web1", "admin", "web1.example.org", 2222, "/var/lib/clawguard"));
        assertThat(a.sshCommand(SSH, "attach", "--stdio")).containsExactly("ssh", "-T", "-o", "BatchMode=yes", "-o",
                "ServerAliveInterval=10", "-o", "ServerAliveCountMax=3", "-o", "ConnectTimeout=10", "-p", "2222", "-l",
                "admin", "--", "web1.example.org", "clawguard", "attach", "--stdio", "--home", "/var/lib/clawguard");
        assertThat(HostAddress.parse("ssh://db2").name()).isEqualTo("db2");
        assertThat(HostAddress.parse("v6=ssh://[::1]:22").sshCommand(SSH, "attach")).containsSubsequence("--", "::1",
                "clawguard", "attach");
        assertThatThrownBy(() -> HostAddress.parse("ssh://[::1]:22")).as("an address is no name").hasMessageContaining(
                "NAME=ssh://");
    }

    @Test
    void optionsShellWordsAndOddFormsAreRefusedWithTheirField() {
        assertThatThrownBy(() -> HostAddress.parse("ssh://-oProxyCommand=touch%20x@h")).hasMessageContaining("user");
        assertThatThrownBy(() -> HostAddress.parse("ssh://-oProxyCommand=x")).hasMessageContaining("host");
        assertThatThrownBy(() -> HostAddress.parse("ssh://h/tmp/x;reboot")).hasMessageContaining("state folder");
        assertThatThrownBy(() -> HostAddress.parse("ssh://h/tmp/$(id)")).hasMessageContaining("ssh://");
        assertThatThrownBy(() -> HostAddress.parse("ssh://h:0")).hasMessageContaining("port");
        assertThatThrownBy(() -> HostAddress.parse("http://h")).hasMessageContaining("ssh://");
        assertThatThrownBy(() -> HostAddress.parse("ssh://h?x=1")).hasMessageContaining("ssh://");
        assertThatThrownBy(() -> HostAddress.parse("-x=ssh://h")).hasMessageContaining("name");
        assertThatThrownBy(() -> HostAddress.parseAll(List.of("ssh://h", "ssh://h:2222")))
                .hasMessageContaining("already named h");
        assertThatThrownBy(() -> new SshSettings("ssh", null, "clawguard;id")).hasMessageContaining("--remote-clawguard");
        assertThatThrownBy(() -> new SshSettings("ssh", null, "-oProxyCommand")).hasMessageContaining("--remote-clawguard");
    }
}
