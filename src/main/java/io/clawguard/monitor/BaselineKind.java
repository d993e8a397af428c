package io.clawguard.monitor;

import io.clawguard.files.StateHome;
import java.nio.file.Path;

/** Which rule file a baseline review writes: the approved ports, or the egress allow-list. */
public enum BaselineKind {
    PORTS("approved_ports.json"), EGRESS("egress_allowlist.json");

    private final String fileName;

    BaselineKind(String fileName) {
        this.fileName = fileName;
    }

    public Path file(StateHome home) {
        return home.configDir().resolve(fileName);
    }

    public String fileName() {
        return fileName;
    }
}
