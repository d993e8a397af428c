package io.clawguard.testing;

import io.clawguard.exec.ExecClient;
import io.clawguard.exec.ExecRequestJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An agent that sends many requests at once, each through the real exec client on its own
 * connection: {@code SOCKET COUNT TAG}. Prints one line per request: its tag, exit code and
 * what it printed.
 */
public final class ConcurrentAgent {
    private ConcurrentAgent() {
    }

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String tag = args[2];
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String mine = tag + "-" + i;
            results.add(pool.submit(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = new ExecClient(new ByteArrayInputStream(new byte[0]), out,
                        new PrintStream(err, true, StandardCharsets.UTF_8)).run(socket,
                        ExecRequestJson.encode(List.of("/usr/bin/echo", mine), "load " + mine, false, false, null,
                                Map.of()));
                return mine + " exit=" + code + " out=" + out.toString(StandardCharsets.UTF_8).strip();
            }));
        }
        for (Future<String> r : results) {
            System.out.println(r.get());
        }
        pool.shutdown();
    }
}
