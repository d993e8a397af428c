package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs an approved argv and returns its exit code; tests record instead of running. */
@FunctionalInterface
public interface CommandRunner {
    int run(List<String> argv, Path cwd) throws IOException;
}
