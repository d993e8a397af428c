package io.clawguard.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Syslog over TCP with octet-counting framing (RFC 6587: {@code LENGTH SP MESSAGE}), or over
 * TLS (RFC 5425, the same framing), the collector's certificate checked against the trusted
 * roots and its name against the host the admin configured.
 */
final class StreamTransport implements SyslogTransport {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    /** A collector that stops reading would block a write for ever: its socket is closed instead. */
    private static final Duration WRITE_DEADLINE = Duration.ofSeconds(30);
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "syslog-write-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private StreamTransport(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    static StreamTransport tcp(String host, int port) throws IOException {
        return new StreamTransport(connect(host, port));
    }

    static StreamTransport tls(String host, int port, SSLContext context) throws IOException {
        Socket plain = connect(host, port);
        try {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout(CONNECT_TIMEOUT_MS);
            tls.startHandshake();
            return new StreamTransport(tls);
        } catch (SSLException e) {
            plain.close();
            throw new IOException("TLS with " + host + ":" + port + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void send(List<byte[]> messages) throws IOException {
        ScheduledFuture<?> deadline = DEADLINES.schedule(this::closeQuietly, WRITE_DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            byte[] frames = frame(messages);
            out.write(frames);
            out.flush();
        } finally {
            deadline.cancel(false);
        }
    }

    /** The messages as one buffer of octet-counted frames: one write, one TLS record run, one segment train. */
    static byte[] frame(List<byte[]> messages) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            b.writeBytes((m.length + " ").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(m);
        }
        return b.toByteArray();
    }

    /**
     * Half-closes and reads to the collector's end of stream: a timeout or a reset is an
     * exception, so only a collector that read everything lets this return. {@code wait} bounds
     * the whole, not each read: a collector that trickles bytes and never closes is given up.
     */
    @Override
    public void confirmAndClose(Duration wait) throws IOException {
        ScheduledFuture<?> deadline = DEADLINES.schedule(this::closeQuietly, wait.toMillis(), TimeUnit.MILLISECONDS);
        try {
            socket.shutdownOutput();
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            byte[] sink = new byte[512];
            while (in.read(sink) >= 0) {
                // Nothing the collector says matters but that it closes.
            }
            if (deadline.isDone()) {
                throw new IOException("the collector did not close the connection within " + wait.toSeconds() + " s");
            }
        } finally {
            deadline.cancel(false);
            closeQuietly();
        }
    }

    @Override
    public boolean confirms() {
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is the point; a failure to close leaves nothing else to do.
        }
    }
}
