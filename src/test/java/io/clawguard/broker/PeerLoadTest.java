package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.wire.FrameStream;
import io.clawguard.wire.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One agent user's flood takes its own allowance, not the broker's. */
class PeerLoadTest {
    @Test
    void aBurstIsAllowedThenTheRateHoldsPerUid() throws Exception {
        PeerLoad load = new PeerLoad(256);
        for (int i = 0; i < PeerLoad.BURST; i++) {
            assertThat(load.withinRate(4101)).isTrue();
        }
        assertThat(load.withinRate(4101)).as("past the burst").isFalse();
        assertThat(load.withinRate(4102)).as("another uid is unaffected").isTrue();
        Thread.sleep(1000 / PeerLoad.PER_SECOND * 3);
        assertThat(load.withinRate(4101)).as("the allowance refills").isTrue();
    }

    @Test
    void emptyInputFramesAreAProtocolErrorNotAnEndlessQueue() {
        CommandRelay relay = new CommandRelay(new FrameStream(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream()), Duration.ofSeconds(1), () -> { }, CommandRelay.Tap.NONE,
                () -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.stdin(new byte[0]))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("empty");
    }
}
