package io.clawguard.approval;

import io.clawguard.json.InvalidJsonFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One requester's conversation with the broker: one request, its verdict, and after a
 * run the report of how it ended. A second reader thread watches the socket the whole time,
 * so a requester that hangs up or speaks out of turn while its request is pending is
 * noticed at once and its request withdrawn.
 */
final class BrokerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerConnection.class);

    /** One thing the reader saw: a line, the end of the stream, or a broken message. */
    private record Incoming(String line, String problem) {
        static final Incoming END = new Incoming(null, null);
    }

    private final AFUNIXSocket socket;
    private final BrokerContext context;
    private final BlockingQueue<Incoming> incoming = new LinkedBlockingQueue<>();
    private final AtomicBoolean hungUp = new AtomicBoolean();

    BrokerConnection(AFUNIXSocket socket, BrokerContext context) {
        this.socket = socket;
        this.context = context;
    }

    void serve() {
        try (socket) {
            AFUNIXSocketCredentials creds = socket.getPeerCredentials();
            Requester requester = new Requester((int) creds.getUid(), creds.getPid(), processName(creds.getPid()));
            startReader(socket.getInputStream());
            converse(requester, socket.getOutputStream());
        } catch (IOException e) {
            LOG.debug("broker connection ended", e);
        }
    }

    private void converse(Requester requester, OutputStream out) throws IOException {
        ExecRequest request;
        try {
            Map<String, Object> message = decode(take());
            if (message == null) {
                return;
            }
            request = WireRequest.decode(message, requester, kernelCwd(requester.pid()));
        } catch (WireProtocol.ProtocolException e) {
            sendError(out, e.getMessage());
            return;
        }
        if (!context.peers().allows(requester.uid())) {
            refuse(out, ExitCode.DENIED, "uid " + requester.uid() + " is not an agent user of this console");
            return;
        }
        Verdict verdict = context.gate().decide(request, config -> context.pending().approverFor(this::withdrawn));
        if (!incoming.isEmpty() && incoming.peek() != Incoming.END) {
            if (verdict instanceof Verdict.Run run) {
                close(run, null, "not run: the requester sent a second message before the verdict");
            }
            sendError(out, "one request per connection: a second message arrived before the verdict");
        } else if (verdict instanceof Verdict.Refuse r) {
            refuse(out, r.exitCode(), r.message());
        } else {
            run((Verdict.Run) verdict, out);
        }
    }

    /** A pending request is withdrawn when its requester hangs up or speaks out of turn. */
    private boolean withdrawn() {
        return hungUp.get() || !incoming.isEmpty();
    }

    private void run(Verdict.Run run, OutputStream out) throws IOException {
        Integer exitCode = null;
        String error = null;
        try {
            Map<String, Object> reply = WireProtocol.message("run");
            reply.put("request_id", run.requestId());
            reply.put("argv", run.runArgv());
            send(out, reply);
            Map<String, Object> report = decode(take());
            if (report != null && run.requestId().equals(report.get("request_id"))) {
                if ("finished".equals(report.get("type"))) {
                    exitCode = WireProtocol.number(report, "exit_code", true).intValue();
                } else if ("failed".equals(report.get("type"))) {
                    error = WireProtocol.string(report, "error", true);
                }
            }
        } catch (WireProtocol.ProtocolException e) {
            sendError(out, e.getMessage());
        } finally {
            close(run, exitCode, error);
        }
        if (exitCode != null || error != null) {
            send(out, WireProtocol.message("ack"));
        }
    }

    private void close(Verdict.Run run, Integer exitCode, String error) {
        try {
            context.gate().finished(run, exitCode, error);
        } catch (IOException | InvalidJsonFileException e) {
            LOG.error("closing request {} failed", run.requestId(), e);
        }
    }

    /** Null when the requester hung up. */
    private static Map<String, Object> decode(Incoming in) throws WireProtocol.ProtocolException {
        if (in.problem() != null) {
            throw new WireProtocol.ProtocolException(in.problem());
        }
        return in.line() == null ? null : WireProtocol.decode(in.line());
    }

    private Incoming take() {
        try {
            return incoming.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Incoming.END;
        }
    }

    /** Reads every line the requester sends, for as long as the connection lasts. */
    private void startReader(InputStream in) {
        Thread reader = new Thread(() -> {
            try {
                for (String line = WireProtocol.readLine(in); line != null; line = WireProtocol.readLine(in)) {
                    incoming.add(new Incoming(line, null));
                }
            } catch (WireProtocol.ProtocolException e) {
                incoming.add(new Incoming(null, e.getMessage()));
            } catch (IOException e) {
                LOG.debug("reading from a requester failed", e);
            }
            hungUp.set(true);
            incoming.add(Incoming.END);
        }, "broker-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void refuse(OutputStream out, int exitCode, String message) throws IOException {
        Map<String, Object> reply = WireProtocol.message("refuse");
        reply.put("exit_code", (long) exitCode);
        reply.put("message", message);
        send(out, reply);
    }

    private void sendError(OutputStream out, String message) throws IOException {
        Map<String, Object> reply = WireProtocol.message("error");
        reply.put("message", message);
        send(out, reply);
    }

    private void send(OutputStream out, Map<String, Object> message) throws IOException {
        out.write(WireProtocol.encode(message));
        out.flush();
    }

    /** The requester's working directory as the kernel knows it; null where it may not be read. */
    private static Path kernelCwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String processName(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
