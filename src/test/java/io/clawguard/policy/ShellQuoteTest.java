package io.clawguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
    @Test
    void quotesLikeShlexJoin() {
        assertThat(ShellQuote.join(List.of("/usr/bin/rm", "-rf", "/tmp/a b", "", "it's", "x=1,y@z%"))
        ).isEqualTo("/usr/bin/rm -rf '/tmp/a b' '' 'it'\"'\"'s' x=1,y@z%");
    }
}
