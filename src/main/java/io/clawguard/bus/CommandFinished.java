package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/** A privileged command ended; {@code exitCode} is null when the requester never reported it. */
public record CommandFinished(String requestId, List<String> argv, Integer exitCode, Instant at) implements Event {
    public CommandFinished {
        argv = List.copyOf(argv);
    }
}
