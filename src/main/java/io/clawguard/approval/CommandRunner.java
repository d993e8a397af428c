package io.clawguard.approval;

import java.io.IOException;

/**
 * Starts an authorised run and returns its exit code once it ended; throws when it could not
 * start (nothing ran). The broker's runner relays the requester's I/O; tests record instead.
 */
@FunctionalInterface
public interface CommandRunner {
    int run(Verdict.Run run) throws IOException;

    /** The recording of {@code run} once it ended; a runner that records nothing says {@link Recording#NONE}. */
    default Recording recording(Verdict.Run run) {
        return Recording.NONE;
    }
}
