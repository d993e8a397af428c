package io.clawguard.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cgroup v2 of its own for each approved run, where the unified hierarchy lets the broker make
 * one below its own cgroup: the run's first process puts itself in before it becomes the command,
 * so everything the run starts is in it, a child that starts a session of its own included, and
 * {@code cgroup.kill} ends them all at once. Where no cgroup can be made, the broker falls back on
 * the processes strace saw the run make.
 */
final class RunCgroups {
    private static final Logger LOG = LoggerFactory.getLogger(RunCgroups.class);

    private final Path parent;

    private RunCgroups(Path parent) {
        this.parent = parent;
    }

    /** The runs' cgroups below the broker's own, or empty when the unified hierarchy is not there or not writable. */
    static Optional<RunCgroups> find(Path mountinfo, Path selfCgroup) {
        try {
            Optional<Path> mount = Files.readAllLines(mountinfo).stream().map(l -> l.split(" - ", 2))
                    .filter(p -> p.length == 2 && p[1].startsWith("cgroup2 ")).map(p -> Path.of(p[0].split(" ")[4]))
                    .findFirst();
            Optional<String> own = Files.readAllLines(selfCgroup).stream().filter(l -> l.startsWith("0::"))
                    .map(l -> l.substring(3)).findFirst();
            if (mount.isEmpty() || own.isEmpty()) {
                return Optional.empty();
            }
            Path parent = mount.get().resolve(own.get().replaceFirst("^/", "")).resolve("clawguard-runs");
            Files.createDirectories(parent);
            if (!Files.isWritable(parent.resolve("cgroup.procs"))) {
                return Optional.empty();
            }
            return Optional.of(new RunCgroups(parent));
        } catch (IOException | RuntimeException e) {
            LOG.info("no cgroup v2 for runs ({}); strace's view of each run's processes is used instead", e.getMessage());
            return Optional.empty();
        }
    }

    /** A fresh cgroup for run {@code requestId}. */
    Path create(String requestId) throws IOException {
        Path cg = parent.resolve(requestId);
        Files.createDirectory(cg);
        return cg;
    }

    /** Kills every process in the run's cgroup, wherever it moved its session or group. */
    static void kill(Path cgroup) {
        try {
            Files.writeString(cgroup.resolve("cgroup.kill"), "1", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.warn("cgroup.kill of {} failed", cgroup, e);
        }
    }

    /** Removes the run's cgroup once it is empty (what is left in it is killed first). */
    static void remove(Path cgroup) {
        for (int i = 0; i < 50; i++) {
            try {
                Files.delete(cgroup);
                return;
            } catch (IOException busy) {
                kill(cgroup);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warn("the run cgroup {} could not be removed", cgroup);
    }
}
