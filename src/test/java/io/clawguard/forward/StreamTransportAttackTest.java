package io.clawguard.forward;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ATTACK (hostile or half-broken collector, or anyone on the path of a plain TCP link): a batch
 * counts as delivered only when the collector closes its side, and {@code confirmAndClose(wait)}
 * promises to throw "when it does not come". But {@code wait} is set as the socket's read
 * timeout (StreamTransport.confirmAndClose), which bounds each read, not the wait: a collector
 * that reads the batch and then sends one byte now and then, never closing, keeps the
 * forwarder's thread in that loop for ever. Forwarding then stops for good with no error (the
 * console shows "queued", never "failing"), no retry and no other collector attempt, and the
 * thread cannot be stopped by an interrupt either (a blocking socket read ignores it).
 */
class StreamTransportAttackTest {
    @Test
    void aCollectorThatTricklesBytesAndNeverClosesIsGivenUpAfterTheWait() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread collector = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        // Reads the whole batch, to our half-close.
                    }
                    OutputStream out = s.getOutputStream();
                    while (true) {
                        out.write('.');
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException ended) {
                    // The test is over.
                }
            }, "trickling-collector");
            collector.setDaemon(true);
            collector.start();
            StreamTransport t = StreamTransport.tcp("127.0.0.1", server.getLocalPort());
            try {
                t.send(List.of("<86>1 - - clawguard - - - hello".getBytes(StandardCharsets.UTF_8)));
                assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                        assertThatThrownBy(() -> t.confirmAndClose(Duration.ofSeconds(2)))
                                .as("the collector never closed: the batch is not confirmed")
                                .isInstanceOf(IOException.class),
                        "confirmAndClose(2 s) still waits after 10 s for a collector that never closes");
            } finally {
                t.close();
                collector.interrupt();
            }
        }
    }
}
