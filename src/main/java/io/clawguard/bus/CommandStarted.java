package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/** An authorised privileged command is about to run; {@code authorisedBy} is approval or session. */
public record CommandStarted(String requestId, List<String> argv, String authorisedBy, Instant at) implements Event {
    public CommandStarted {
        argv = List.copyOf(argv);
    }
}
