package io.clawguard.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PASSING (attacks that held): a collector whose certificate is signed by the very CA the admin
 * trusts, but names another host, is refused: whether the name is only in the subject's CN
 * (no subjectAltName) or in a SAN for another name. Also: the octet count of each frame is the
 * message's length in bytes, so multi-byte text and newlines in an agent's argument cannot
 * make a collector split or join frames.
 */
class TlsNameCheckAttackTest {
    @TempDir
    Path dir;

    @Test
    void aCertificateFromTheTrustedCaForAnotherNameIsRefused() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=trusted CA");
        cert("cn-only", "/CN=127.0.0.1", null);
        cert("other-name", "/CN=collector", "subjectAltName=DNS:collector.example,IP:127.0.0.2\n");
        cert("right", "/CN=collector", "subjectAltName=IP:127.0.0.1\n");
        for (String name : List.of("right", "cn-only", "other-name")) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                    name + ".pem", "-key", name + ".key", "-quiet").directory(dir.toFile()).redirectErrorStream(true)
                    .start();
            try {
                awaitListening(port);
                final int p = port;
                if (name.equals("right")) {
                    // The control: the same CA, the right name, and the handshake goes through.
                    StreamTransport.tls("127.0.0.1", p, TrustedRoots.context(dir.resolve("ca.pem"))).close();
                    continue;
                }
                assertThatThrownBy(() -> StreamTransport.tls("127.0.0.1", p, TrustedRoots.context(dir.resolve("ca.pem"))))
                        .as(name).isInstanceOf(IOException.class).hasMessageContaining("TLS with 127.0.0.1:" + port);
            } finally {
                server.destroy();
            }
        }
    }

    @Test
    void eachFramesCountIsItsLengthInBytes() {
        byte[] hostile = "é\n12 <13>1 forged\u2028".getBytes(StandardCharsets.UTF_8);
        byte[] next = "ok".getBytes(StandardCharsets.UTF_8);
        byte[] frames = StreamTransport.frame(List.of(hostile, next));
        String prefix = hostile.length + " ";
        assertThat(new String(frames, 0, prefix.length(), StandardCharsets.US_ASCII)).isEqualTo(prefix);
        int second = prefix.length() + hostile.length;
        assertThat(new String(frames, second, frames.length - second, StandardCharsets.UTF_8)).isEqualTo("2 ok");
    }

    private void cert(String name, String subject, String ext) throws Exception {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        List<String> args = new ArrayList<>(List.of("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey",
                "ca.key", "-CAcreateserial", "-out", name + ".pem", "-days", "2"));
        if (ext != null) {
            Files.writeString(dir.resolve(name + ".ext"), ext + "extendedKeyUsage=serverAuth\n");
            args.addAll(List.of("-extfile", name + ".ext"));
        }
        openssl(args.toArray(String[]::new));
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(said).isZero();
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("openssl s_server never listened on " + port);
    }
}
