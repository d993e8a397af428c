package io.clawguard.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code clawguard exec}'s side of the broker socket: send the request, wait for the
 * verdict, run the exact argv the broker returned, report how it ended. When the console
 * goes away before answering, nothing runs.
 */
public final class BrokerClient implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private BrokerClient(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    /** Empty when no console listens on {@code socket}. */
    public static Optional<BrokerClient> connect(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return Optional.of(new BrokerClient(ch));
            } catch (IOException e) {
                ch.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Asks, runs if allowed, reports; returns how {@code exec} ends. */
    public ExecOutcome execute(Map<String, Object> request, CommandRunner runner, Path cwd) {
        Map<String, Object> reply;
        try {
            out.write(WireProtocol.encode(request));
            out.flush();
            reply = next();
        } catch (IOException | WireProtocol.ProtocolException e) {
            return ExecOutcome.refused(ExitCode.NO_APPROVER, "the console went away before deciding; nothing ran");
        }
        if (reply == null) {
            return ExecOutcome.refused(ExitCode.NO_APPROVER, "the console went away before deciding; nothing ran");
        }
        try {
            return switch ((String) reply.get("type")) {
                case "refuse" -> ExecOutcome.refused(WireProtocol.number(reply, "exit_code", true).intValue(),
                        WireProtocol.string(reply, "message", true));
                case "run" -> run(reply, runner, cwd);
                default -> ExecOutcome.refused(ExitCode.DENIED, "the console rejected the request: "
                        + reply.get("message"));
            };
        } catch (WireProtocol.ProtocolException e) {
            return ExecOutcome.refused(ExitCode.DENIED, "unexpected answer from the console: " + e.getMessage());
        }
    }

    private ExecOutcome run(Map<String, Object> reply, CommandRunner runner, Path cwd)
            throws WireProtocol.ProtocolException {
        String requestId = WireProtocol.string(reply, "request_id", true);
        List<String> argv = WireProtocol.strings(reply, "argv");
        Map<String, Object> report;
        ExecOutcome outcome;
        try {
            int code = runner.run(argv, cwd);
            report = WireProtocol.message("finished");
            report.put("exit_code", (long) code);
            outcome = ExecOutcome.ran(code);
        } catch (IOException e) {
            report = WireProtocol.message("failed");
            report.put("error", String.valueOf(e.getMessage()));
            outcome = ExecOutcome.refused(ExitCode.DENIED, "could not start the command: " + e.getMessage());
        }
        report.put("request_id", requestId);
        try {
            out.write(WireProtocol.encode(report));
            out.flush();
            next();
        } catch (IOException e) {
            return new ExecOutcome(outcome.exitCode(), "the console went away before the end of the command was recorded");
        }
        return outcome;
    }

    private Map<String, Object> next() throws IOException, WireProtocol.ProtocolException {
        String line = WireProtocol.readLine(in);
        return line == null ? null : WireProtocol.decode(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
