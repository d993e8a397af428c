package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The requester named by the kernel's process table, whatever names its processes chose. */
class ProcessChainTest {
    @Test
    void aNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcessChain.Stat s = ProcessChain.parse("4242 (evil) 1 2 3 (x) S 4100 4200 4000 0 -1 4194560 ...");
        assertThat(s.pid()).isEqualTo(4242);
        assertThat(s.comm()).isEqualTo("evil) 1 2 3 (x");
        assertThat(s.ppid()).isEqualTo(4100);
        assertThat(s.session()).isEqualTo(4000);
    }

    @Test
    void thisProcessIsNamedWithItsParentsUpToItsSessionLeader() {
        String chain = ProcessChain.describe(ProcessHandle.current().pid());
        assertThat(chain).contains("(pid " + ProcessHandle.current().pid() + ")");
        assertThat(chain.split(" ← ").length).isBetween(2, 6);
    }
}
