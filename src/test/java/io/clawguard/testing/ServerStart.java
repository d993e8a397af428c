package io.clawguard.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Waiting for a server a test started: until it accepts TCP connections, or says why it exited. */
final class ServerStart {
    private ServerStart() {
    }

    /** Waits up to 10 s for {@code port} to accept; {@code said} holds what the server printed. */
    static void awaitTcp(String what, Process process, int port, Path said) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException(what + " exited: " + Files.readString(said));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException(what + " does not accept connections on port " + port);
    }
}
