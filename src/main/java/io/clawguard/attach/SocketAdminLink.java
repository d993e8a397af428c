package io.clawguard.attach;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.WireProtocol;
import io.clawguard.bus.Event;
import io.clawguard.monitor.BaselineReview;
import io.clawguard.wire.ChannelStreams;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console attached to a broker over its admin socket, or over any byte stream that reaches
 * one ({@code ssh HOST clawguard attach --stdio}): the same {@link AdminLink} as a broker in the
 * console's own process, with the events decoded back into the bus's records and each request
 * matched to its reply by number.
 */
public final class SocketAdminLink implements AdminLink {
    private static final Logger LOG = LoggerFactory.getLogger(SocketAdminLink.class);

    private final Closeable connection;
    private final InputStream in;
    private final OutputStream out;
    private final EventCodec codec = new EventCodec();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> waiting = new ConcurrentHashMap<>();

    private SocketAdminLink(InputStream in, OutputStream out, Closeable connection) {
        this.connection = connection;
        this.in = new BufferedInputStream(in);
        this.out = out;
    }

    /** A link over a stream pair that reaches an admin socket; {@code connection} ends it. */
    public static SocketAdminLink over(InputStream in, OutputStream out, Closeable connection) {
        return new SocketAdminLink(in, out, connection);
    }

    public static SocketAdminLink connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new SocketAdminLink(ChannelStreams.in(ch), ChannelStreams.out(ch), ch);
    }

    @Override
    public BrokerInfo attach(Consumer<Event> sink, Runnable lost) throws IOException {
        try {
            send(WireProtocol.message("attach"));
        } catch (IOException refusedBeforeReading) {
            // A broker refuses a peer before reading a byte; its answer is still there to read.
            LOG.debug("the broker closed before the attach was sent", refusedBeforeReading);
        }
        Map<String, Object> first;
        try {
            first = next();
        } catch (WireProtocol.ProtocolException e) {
            throw new IOException("the broker's answer is broken: " + e.getMessage());
        }
        if (first == null || !"attached".equals(first.get("type"))) {
            throw new IOException(first == null ? "the broker closed the connection"
                    : "the broker refused: " + first.get("message"));
        }
        BrokerInfo info = codec.decodeInfo(first.get("info"));
        Thread reader = new Thread(() -> read(sink, lost), "attach-reader");
        reader.setDaemon(true);
        reader.start();
        return info;
    }

    private void read(Consumer<Event> sink, Runnable lost) {
        try {
            for (Map<String, Object> m = next(); m != null; m = next()) {
                switch ((String) m.get("type")) {
                    case "event" -> sink.accept(codec.decode(WireProtocol.string(m, "event_type", true), m.get("event")));
                    case "reply" -> {
                        CompletableFuture<Map<String, Object>> f = waiting.remove(WireProtocol.number(m, "id", true));
                        if (f != null) {
                            f.complete(m);
                        }
                    }
                    default -> throw new WireProtocol.ProtocolException("the broker said " + m.get("type") + ": "
                            + m.get("message"));
                }
            }
        } catch (IOException | WireProtocol.ProtocolException | IllegalArgumentException e) {
            LOG.warn("the broker connection ended", e);
        }
        waiting.values().forEach(f -> f.completeExceptionally(new IOException("the broker went away")));
        lost.run();
    }

    @Override
    public CompletableFuture<String> decide(String requestId, ApprovalDecision decision, String secondFactor) {
        Map<String, Object> m = WireProtocol.message("decide");
        m.put("request_id", requestId);
        m.put("outcome", decision.outcome().name().toLowerCase(Locale.ROOT));
        m.put("keep", decision.keep());
        m.put("reason", decision.reason());
        m.put("second_factor", secondFactor);
        return ask(m).thenApply(SocketAdminLink::message);
    }

    @Override
    public CompletableFuture<String> dropElevation() {
        return ask(WireProtocol.message("drop")).thenApply(SocketAdminLink::message);
    }

    @Override
    public CompletableFuture<BaselineReview> reviewBaseline() {
        return ask(WireProtocol.message("baseline_review")).thenApply(r -> {
            if (Boolean.TRUE.equals(r.get("failed"))) {
                throw new IllegalStateException(String.valueOf(r.get("message")));
            }
            return codec.decodeReview(r.get("review"));
        });
    }

    @Override
    public CompletableFuture<String> saveBaseline(BaselineReview review) {
        Map<String, Object> m = WireProtocol.message("baseline_save");
        m.put("review", codec.encode(review));
        return ask(m).thenApply(SocketAdminLink::message);
    }

    @Override
    public CompletableFuture<String> recording(String requestId) {
        Map<String, Object> m = WireProtocol.message("recording");
        m.put("request_id", requestId);
        return ask(m).thenApply(SocketAdminLink::message);
    }

    private static String message(Map<String, Object> reply) {
        return String.valueOf(reply.get("message"));
    }

    private CompletableFuture<Map<String, Object>> ask(Map<String, Object> m) {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
        waiting.put(id, f);
        m.put("id", id);
        try {
            send(m);
        } catch (IOException e) {
            waiting.remove(id);
            f.completeExceptionally(e);
        }
        return f;
    }

    private synchronized void send(Map<String, Object> m) throws IOException {
        out.write(WireProtocol.encode(m));
        out.flush();
    }

    private Map<String, Object> next() throws IOException, WireProtocol.ProtocolException {
        String line = WireProtocol.readLine(in);
        return line == null ? null : WireProtocol.decode(line);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.debug("closing the broker connection failed", e);
        }
    }
}
