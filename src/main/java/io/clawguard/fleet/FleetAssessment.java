package io.clawguard.fleet;

import io.clawguard.compliance.AssessmentJson;
import io.clawguard.json.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scorecards of several hosts, each made on its own host by {@code clawguard assess --json -}
 * run through ssh, all at once. What a host sends is data from another machine: it is parsed as
 * JSON and must name the assessment schema, or the host's row says why it has none.
 */
public final class FleetAssessment {
    /** Past this a host's assessment is given up (a scan of a busy host takes seconds, not minutes). */
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** Far above any scorecard: a host that sends more is not sending one. */
    private static final int MAX_BYTES = 16 << 20;

    /** One host's row: its assessment (the {@code clawguard-assessment/2} object), or why there is none. */
    public record HostReport(String host, Map<String, Object> assessment, String problem) {
    }

    private FleetAssessment() {
    }

    public static List<HostReport> gather(List<HostAddress> hosts, SshSettings ssh) {
        return gather(hosts, ssh, WAIT);
    }

    /** The same, giving up on a host after {@code wait}. */
    static List<HostReport> gather(List<HostAddress> hosts, SshSettings ssh, Duration wait) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(hosts.size(), 16), daemon("fleet-assess"));
        // Each host's two pipes are read on threads of their own: on the shared pool, a few hosts' stderr
        // reads (which end only when ssh does) could hold every thread while ssh waits for its stdout to be read.
        ExecutorService reads = Executors.newCachedThreadPool(daemon("fleet-assess-read"));
        try {
            List<CompletableFuture<HostReport>> runs = new ArrayList<>();
            for (HostAddress h : hosts) {
                runs.add(CompletableFuture.supplyAsync(() -> assess(h, ssh, wait, reads), pool));
            }
            return runs.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
            reads.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @SuppressWarnings("unchecked")
    private static HostReport assess(HostAddress host, SshSettings ssh, Duration wait, ExecutorService reads) {
        Process p;
        try {
            p = new ProcessBuilder(host.sshCommand(ssh, "assess", "--json", "-")).start();
        } catch (IOException e) {
            return new HostReport(host.name(), null, "cannot run ssh: " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()), reads);
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> read(p.getInputStream()), reads);
            byte[] out;
            try {
                // The whole answer within the wait: a host that keeps the connection open and says nothing is given up.
                out = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException silent) {
                return new HostReport(host.name(), null, "no answer within " + describe(wait));
            } catch (ExecutionException e) {
                return new HostReport(host.name(), null, "its answer could not be read: " + e.getCause());
            }
            if (out.length >= MAX_BYTES) {
                return new HostReport(host.name(), null, "the host sent more than " + (MAX_BYTES >> 20)
                        + " MiB: not an assessment");
            }
            if (!p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return new HostReport(host.name(), null, "no answer within " + describe(wait));
            }
            if (out.length == 0) {
                String said = new String(err.join(), StandardCharsets.UTF_8).strip();
                return new HostReport(host.name(), null, "no assessment (exit " + p.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said.lines().reduce((a, b) -> b).orElse("")));
            }
            Object parsed = JsonValues.parse(new String(out, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> m)) {
                return new HostReport(host.name(), null, "the host sent something that is not an assessment");
            }
            if (!AssessmentJson.SCHEMA.equals(m.get("schema"))) {
                return new HostReport(host.name(), null, "the host sent an assessment of schema " + m.get("schema")
                        + ", not " + AssessmentJson.SCHEMA + ": update ClawGuard there");
            }
            return new HostReport(host.name(), (Map<String, Object>) m, null);
        } catch (IOException e) {
            return new HostReport(host.name(), null, "the host's answer is not JSON: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostReport(host.name(), null, "interrupted");
        } finally {
            p.destroy();
        }
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " minutes" : d.toSeconds() + " s";
    }

    private static byte[] read(InputStream in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n = in.read(buf); n >= 0 && b.size() < MAX_BYTES; n = in.read(buf)) {
                b.write(buf, 0, n);
            }
        } catch (IOException ended) {
            // What arrived is judged as it is.
        }
        return b.toByteArray();
    }
}
