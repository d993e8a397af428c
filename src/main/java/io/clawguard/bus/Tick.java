package io.clawguard.bus;

import java.time.Instant;

/** Once a second: the clock, countdowns and timeouts move on. */
public record Tick(Instant at) implements Event {
}
