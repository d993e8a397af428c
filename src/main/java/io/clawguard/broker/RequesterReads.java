package io.clawguard.broker;

import io.clawguard.approval.Requester;
import io.clawguard.approval.ScriptReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads a file as a requester could: a root broker runs {@code cat} through
 * {@code setpriv --reuid --regid --groups} so the kernel checks the requester's own rights at
 * the moment of the read; a broker that is not root already is the requester's user (the
 * same-user install) and reads it itself.
 */
final class RequesterReads implements ScriptReader {
    private static final long WAIT_SECONDS = 10;

    private final Path setpriv;
    private final Path cat;
    private final int ownUid;

    RequesterReads(Path setpriv, Path cat, int ownUid) {
        this.setpriv = setpriv;
        this.cat = cat;
        this.ownUid = ownUid;
    }

    @Override
    public byte[] read(Path file, Requester requester, Set<Integer> groups, int maxBytes) throws IOException {
        if (ownUid != 0 || requester.uid() == 0) {
            return bounded(Files.newInputStream(file), maxBytes);
        }
        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + requester.uid(),
                "--regid=" + primaryGid(requester)));
        if (groups == null || groups.isEmpty()) {
            command.add("--clear-groups");
        } else {
            command.add("--groups=" + groups.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        command.addAll(List.of("--", cat.toString(), "--", file.toString()));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            byte[] content = bounded(p.getInputStream(), maxBytes);
            String said = new String(p.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(said.isEmpty() ? "cat exited " + (p.isAlive() ? "late" : p.exitValue())
                        : said.lines().findFirst().orElse(said));
            }
            return content;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file);
        } finally {
            p.destroy();
        }
    }

    private static byte[] bounded(InputStream in, int maxBytes) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                if (out.size() > maxBytes) {
                    throw new IOException("larger than " + (maxBytes >> 10) + " KiB: too large to bind and review");
                }
            }
            return out.toByteArray();
        }
    }

    /** The requester process's real group, from {@code /proc/PID/status}; its uid's number when that cannot be read. */
    private static int primaryGid(Requester r) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(r.pid()), "status"))) {
                if (line.startsWith("Gid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // Fall through: fewer rights, never more.
        }
        return r.uid();
    }
}
