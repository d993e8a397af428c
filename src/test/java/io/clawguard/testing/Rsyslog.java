package io.clawguard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd from Debian's packages, on 127.0.0.1 and a free port, with a config of its
 * own in a temp folder: it receives syslog over UDP, TCP or TLS (with the certificate of a
 * {@link TestCa}) and writes each message's APP-NAME, MSGID, structured data and body, one per
 * line, to a file the test reads. It can be stopped and started again on the same port.
 */
public final class Rsyslog implements AutoCloseable {
    public static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private final Path dir;
    private final int port;
    private final Path out;
    private Process process;
    private boolean udp;

    private Rsyslog(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.out = dir.resolve("received.log");
    }

    /** Plain TCP ({@code ca} null), or TLS with a server certificate for 127.0.0.1 signed by {@code ca}. */
    public static Rsyslog start(Path dir, TestCa ca) throws IOException, InterruptedException {
        Rsyslog r = new Rsyslog(dir, freePort());
        r.configure(ca, "imtcp");
        r.start();
        return r;
    }

    /** Plain UDP (RFC 5426). */
    public static Rsyslog startUdp(Path dir) throws IOException, InterruptedException {
        Rsyslog r = new Rsyslog(dir, freePort());
        r.configure(null, "imudp");
        r.udp = true;
        r.start();
        return r;
    }

    private void configure(TestCa ca, String input) throws IOException {
        Files.createDirectories(dir);
        String tls = ca == null ? "" : "\n  DefaultNetstreamDriver=\"gtls\"\n  DefaultNetstreamDriverCAFile=\"" + ca.caCert()
                + "\"\n  DefaultNetstreamDriverCertFile=\"" + ca.serverCert() + "\"\n  DefaultNetstreamDriverKeyFile=\""
                + ca.serverKey() + "\"";
        String driver = ca == null ? "" : " StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\" StreamDriver.AuthMode=\"anon\"";
        Files.writeString(dir.resolve("rsyslog.conf"), String.join("\n",
                "global(workDirectory=\"" + dir + "\"" + tls + ")",
                "module(load=\"" + input + "\"" + driver + ")",
                "input(type=\"" + input + "\" address=\"127.0.0.1\" port=\"" + port + "\")",
                "template(name=\"fields\" type=\"string\" string=\"%app-name%|%msgid%|%structured-data%|%msg%\\n\")",
                "action(type=\"omfile\" file=\"" + out + "\" template=\"fields\")", ""), StandardCharsets.UTF_8);
    }

    public int port() {
        return port;
    }

    /** Starts rsyslogd (again) and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        if (udp) {
            awaitUdpBound();
            return;
        }
        ServerStart.awaitTcp("rsyslogd", process, port, dir.resolve("rsyslogd.out"));
    }

    /** A UDP socket answers nothing: its bind shows in /proc/net/udp (port in hex, 127.0.0.1 as 0100007F). */
    private void awaitUdpBound() throws IOException, InterruptedException {
        String local = String.format("0100007F:%04X", port);
        for (int i = 0; i < 200; i++) {
            if (Files.readString(Path.of("/proc/net/udp")).contains(local)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("rsyslogd exited: " + Files.readString(dir.resolve("rsyslogd.out")));
            }
            Thread.sleep(50);
        }
        throw new IOException("rsyslogd does not listen on udp port " + port);
    }

    /** SIGTERM, as systemctl stop sends it, and waits for the process to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The lines received so far: {@code app-name|msgid|structured-data|msg}. */
    public List<String> received() throws IOException {
        return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
