package io.clawguard.service;

import io.clawguard.files.StateHome;
import io.clawguard.hook.SudoShim;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the separated install puts each thing, under a root folder: {@code /} on a host, a temp
 * folder in tests. The paths named here are the host's; {@link #at} is where they are written.
 */
public record ServiceLayout(Path root) {
    /** The host itself. */
    public static final ServiceLayout HOST = new ServiceLayout(Path.of("/"));

    static final Path PROGRAM_DIR = Path.of("/opt/clawguard");
    /** The launcher looks for its jars in {@code $here/target}, so the installed copy keeps that shape. */
    static final Path JAR_DIR = PROGRAM_DIR.resolve("target");
    static final Path LAUNCHER = PROGRAM_DIR.resolve("clawguard");
    static final List<String> JARS = List.of("clawguard.jar", "clawguard-exec.jar");
    static final Path COMMAND = Path.of("/usr/local/bin/clawguard");
    /** The build's man pages: kept with the program, and copied where man(1) looks by default. */
    static final Path PROGRAM_MAN_DIR = JAR_DIR.resolve("man");
    static final Path MAN_DIR = Path.of("/usr/local/share/man/man1");
    static final Path SHIM_DIR = SudoShim.SYSTEM_DIR;
    static final Path SHIM_PARENT = SHIM_DIR.getParent();
    static final Path UNIT = Path.of("/etc/systemd/system/clawguard-broker.service");
    static final StateHome SYSTEM = StateHome.SYSTEM;

    public ServiceLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** True when paths are written where they are named: host checks and commands then really run. */
    public boolean onHost() {
        return root.getParent() == null;
    }

    /** Where the host path {@code hostPath} is written under this root. */
    Path at(Path hostPath) {
        return root.resolve(hostPath.getRoot().relativize(hostPath));
    }
}
