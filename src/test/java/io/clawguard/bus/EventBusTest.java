package io.clawguard.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {
    private static final Instant T = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void deliversEachEventToTheSubscribersOfItsTypeInOrder() {
        EventBus bus = new EventBus();
        List<String> seen = new ArrayList<>();
        bus.subscribe(Tick.class, t -> seen.add("first " + t.at()));
        bus.subscribe(Tick.class, t -> seen.add("second " + t.at()));
        bus.subscribe(ApprovalTokenFailed.class, e -> seen.add("token " + e.requestId()));
        bus.publish(new Tick(T));
        bus.publish(new ApprovalTokenFailed("r1", T));
        assertThat(seen).containsExactly("first " + T, "second " + T, "token r1");
    }

    @Test
    void oneFailingSubscriberNeverStopsTheOthers() {
        EventBus bus = new EventBus();
        List<String> seen = new ArrayList<>();
        bus.subscribe(Tick.class, t -> {
            throw new IllegalStateException("broken pane");
        });
        bus.subscribe(Tick.class, t -> seen.add("timer"));
        bus.publish(new Tick(T));
        bus.publish(new Tick(T));
        assertThat(seen).containsExactly("timer", "timer");
    }
}
