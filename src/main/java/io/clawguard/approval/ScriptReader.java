package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a script file the way its requester could: a broker that is root must not copy for an
 * agent a file only root may read (the copy would run, and its errors reach the agent). The
 * kernel decides, by the requester's uid and groups, at the moment of the read.
 */
@FunctionalInterface
public interface ScriptReader {
    /** The file's bytes, at most {@code maxBytes}; an exception when the requester could not read it or it is larger. */
    byte[] read(Path file, Requester requester, Set<Integer> groups, int maxBytes) throws IOException;
}
