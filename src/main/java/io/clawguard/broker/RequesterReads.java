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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads a file as a requester could: a root broker runs {@code cat} through
 * {@code setpriv --reuid --regid --groups} so the kernel checks the requester's own rights at
 * the moment of the read; a broker that is not root already is the requester's user (the
 * same-user install) and runs {@code cat} as itself. Always in a process of its own, with a
 * deadline: a file swapped for a FIFO after it was checked blocks a reader in its open.
 */
final class RequesterReads implements ScriptReader {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "script-read-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Path setpriv;
    private final Path cat;
    private final int ownUid;
    private final Duration wait;

    RequesterReads(Path setpriv, Path cat, int ownUid) {
        this(setpriv, cat, ownUid, WAIT);
    }

    /** {@code wait}: how long one read may take before the reader is killed and the script refused. */
    RequesterReads(Path setpriv, Path cat, int ownUid, Duration wait) {
        this.setpriv = setpriv;
        this.cat = cat;
        this.ownUid = ownUid;
        this.wait = wait;
    }

    @Override
    public byte[] read(Path file, Requester requester, Set<Integer> groups, int maxBytes) throws IOException {
        List<String> command = new ArrayList<>();
        if (ownUid == 0 && requester.uid() != 0) {
            command.addAll(List.of(setpriv.toString(), "--reuid=" + requester.uid(), "--regid=" + primaryGid(requester),
                    groups == null || groups.isEmpty() ? "--clear-groups"
                            : "--groups=" + groups.stream().map(String::valueOf).collect(Collectors.joining(",")), "--"));
        }
        command.addAll(List.of(cat.toString(), "--", file.toString()));
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // The file was a plain one when it was looked at; swapped for a FIFO since, its open would wait for ever.
        ScheduledFuture<?> deadline = DEADLINES.schedule(p::destroyForcibly, wait.toMillis(), TimeUnit.MILLISECONDS);
        try {
            byte[] content = bounded(p.getInputStream(), maxBytes);
            String said = new String(p.getErrorStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0 || deadline.isDone()) {
                throw new IOException(deadline.isDone() ? "not read within " + wait.toSeconds() + " s"
                        : said.isEmpty() ? "cat exited " + (p.isAlive() ? "late" : p.exitValue())
                        : said.lines().findFirst().orElse(said));
            }
            return content;
        } catch (IOException e) {
            // Killed at its deadline, the reader's streams end under it: say why, not what broke.
            throw deadline.isDone() ? new IOException("not read within " + wait.toSeconds() + " s") : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file);
        } finally {
            deadline.cancel(false);
            p.destroyForcibly();
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

    /**
     * The requester process's real group, from {@code /proc/PID/status}. Unreadable (the requester
     * is gone), the read is refused: no other group is known to be no more than the requester's.
     */
    private static int primaryGid(Requester r) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(r.pid()), "status"))) {
                if (line.startsWith("Gid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            throw new IOException("the requester's group cannot be read (pid " + r.pid() + " is gone)");
        }
        throw new IOException("the requester's group cannot be read (no Gid: for pid " + r.pid() + ")");
    }
}
