package io.clawguard.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the checks read of the host beyond the state folders: its files (under {@link #root()},
 * "/" on the host and a prepared tree in tests, so {@code /proc}, {@code /etc} and {@code /sys}
 * can be made up) and its tools (sshd -T, sudo -l, nft, auditctl…), through one door each.
 */
public interface HostFacts {
    int MAX_READ = 4 << 20;

    /** Where host paths are read: "/" on the host. */
    Path root();

    /** A host path ("/etc/sudoers") under the root. */
    default Path path(String absolute) {
        return root().resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /**
     * A host file's text, at most its first {@link #MAX_READ} bytes (what a check reads is
     * anyone's to write: a process's 2 MiB environment, a made-up /proc); empty when it does not
     * exist; {@link java.nio.file.AccessDeniedException} when this user may not read it (a
     * root-only file: the check then says running as root would assess it).
     */
    default Optional<String> read(String absolute) throws IOException {
        try (InputStream in = Files.newInputStream(path(absolute))) {
            return Optional.of(new String(in.readNBytes(MAX_READ), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Runs a host tool (argv[0] a bare name, looked up in the system folders); empty when it is not installed. */
    Optional<ToolOutput> run(List<String> argv);

    /** Whether this assessment runs as root (what it could not read, root could). */
    boolean assessingAsRoot();

    /** Whether a console answers on the broker socket. */
    boolean brokerReachable(Path socket);

    /** What a tool printed and how it ended. */
    record ToolOutput(int exitCode, String stdout, String stderr) {
    }
}
