package io.clawguard.compliance;

import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.UnixSocketProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The real host: its files under "/", its tools from the system folders. */
public final class ThisHost implements HostFacts {
    private static final Path ROOT = Path.of("/");

    @Override
    public Path root() {
        return ROOT;
    }

    @Override
    public Optional<ToolOutput> run(List<String> argv) {
        return HostTools.run(argv);
    }

    @Override
    public boolean assessingAsRoot() {
        return ProcessIdentity.uid() == 0;
    }

    @Override
    public boolean brokerReachable(Path socket) {
        return UnixSocketProbe.answers(socket);
    }
}
