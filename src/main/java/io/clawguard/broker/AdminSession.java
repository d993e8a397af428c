package io.clawguard.broker;

import io.clawguard.approval.ApprovalDecision;
import io.clawguard.approval.ApprovalDesk;
import io.clawguard.approval.WireProtocol;
import io.clawguard.attach.EventCodec;
import io.clawguard.bus.EventBus;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.BaselineReview;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Map;
import org.newsclub.net.unix.AFUNIXSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One console on the admin socket: the peer is checked against the admin rules first; then
 * {@code attach}, the state and the stream of events, and the admin's numbered requests, each
 * answered with a {@code reply}. The admin is who the kernel says, never who the message says.
 */
final class AdminSession {
    private static final Logger LOG = LoggerFactory.getLogger(AdminSession.class);
    private static final int ATTACH_WAIT_MILLIS = 30_000;

    private final AFUNIXSocket socket;
    private final AdminHub hub;
    private final PeerCheck peers;
    private final java.util.function.IntFunction<String> names;
    private final EventCodec codec = new EventCodec();
    private OutputStream out;

    AdminSession(AFUNIXSocket socket, AdminHub hub, PeerCheck peers, java.util.function.IntFunction<String> names) {
        this.socket = socket;
        this.hub = hub;
        this.peers = peers;
        this.names = names;
    }

    void serve() throws IOException {
        PeerCheck.Peer peer = PeerCheck.of(socket);
        out = new BufferedOutputStream(socket.getOutputStream());
        InputStream in = new BufferedInputStream(socket.getInputStream());
        if (!peers.admin(peer)) {
            error("uid " + peer.uid() + " may not attach to this broker (not among the admin_users or admin_groups"
                    + " of clawguard.json)");
            peers.closeGently(socket);
            return;
        }
        ApprovalDesk.Admin admin = new ApprovalDesk.Admin(peer.uid(), names.apply(peer.uid()), false);
        try {
            socket.setSoTimeout(ATTACH_WAIT_MILLIS);
            Map<String, Object> first = next(in);
            socket.setSoTimeout(0);
            if (first == null || !"attach".equals(first.get("type"))) {
                error("the first message must be attach");
                return;
            }
            Map<String, Object> attached = WireProtocol.message("attached");
            attached.put("info", codec.encode(hub.info()));
            send(attached);
            try (EventBus.Subscription feed = hub.feed(e -> {
                Map<String, Object> m = WireProtocol.message("event");
                m.putAll(codec.encode(e));
                sendQuietly(m);
            }, this::cutOff)) {
                for (Map<String, Object> m = next(in); m != null; m = next(in)) {
                    send(answer(admin, m));
                }
            }
        } catch (SocketTimeoutException e) {
            error("no attach within " + ATTACH_WAIT_MILLIS / 1000 + " s");
        } catch (WireProtocol.ProtocolException | IllegalArgumentException e) {
            error(e.getMessage());
        }
    }

    private String recording(String requestId) {
        try {
            return hub.actions().recording(requestId);
        } catch (IOException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private Map<String, Object> answer(ApprovalDesk.Admin admin, Map<String, Object> m)
            throws WireProtocol.ProtocolException {
        Map<String, Object> reply = WireProtocol.message("reply");
        reply.put("id", WireProtocol.number(m, "id", true));
        try {
            switch ((String) m.get("type")) {
                case "decide" -> reply.put("message", hub.actions().decide(admin,
                        WireProtocol.string(m, "request_id", true), decision(m),
                        WireProtocol.string(m, "second_factor", false)));
                case "drop" -> reply.put("message", hub.actions().drop(admin));
                case "recording" -> reply.put("message", recording(WireProtocol.string(m, "request_id", true)));
                case "baseline_review" -> reply.put("review", codec.encode(hub.actions().reviewBaseline()));
                case "baseline_save" -> {
                    BaselineReview review = codec.decodeReview(m.get("review"));
                    reply.put("message", hub.actions().saveBaseline(admin, review));
                }
                default -> throw new WireProtocol.ProtocolException("a console may not send " + m.get("type"));
            }
        } catch (IOException | InvalidJsonFileException e) {
            reply.put("failed", true);
            reply.put("message", e.getMessage());
        }
        return reply;
    }

    private static ApprovalDecision decision(Map<String, Object> m) throws WireProtocol.ProtocolException {
        String outcome = WireProtocol.string(m, "outcome", true);
        String reason = WireProtocol.string(m, "reason", false);
        return switch (outcome) {
            case "approved" -> ApprovalDecision.approved(WireProtocol.flag(m, "keep"));
            case "denied" -> ApprovalDecision.denied(reason == null ? "denied by the admin" : reason);
            case "untrusted_not_confirmed" -> ApprovalDecision.of(ApprovalDecision.Outcome.UNTRUSTED_NOT_CONFIRMED,
                    reason == null ? "the approver did not confirm the untrusted source" : reason);
            default -> throw new WireProtocol.ProtocolException("\"outcome\" must be approved, denied or"
                    + " untrusted_not_confirmed, not " + outcome.toLowerCase(Locale.ROOT));
        };
    }

    private Map<String, Object> next(InputStream in) throws IOException, WireProtocol.ProtocolException {
        String line = WireProtocol.readLine(in);
        return line == null ? null : WireProtocol.decode(line);
    }

    private void send(Map<String, Object> message) throws IOException {
        byte[] bytes = WireProtocol.encode(message);
        synchronized (this) {
            out.write(bytes);
            out.flush();
        }
    }

    private void sendQuietly(Map<String, Object> message) {
        try {
            send(message);
        } catch (IOException e) {
            LOG.debug("a console went away", e);
            cutOff();
        }
    }

    private void error(String message) throws IOException {
        Map<String, Object> m = WireProtocol.message("error");
        m.put("message", message);
        send(m);
    }

    private void cutOff() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a console's connection failed", e);
        }
    }
}
