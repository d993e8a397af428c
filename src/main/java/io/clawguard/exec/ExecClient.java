package io.clawguard.exec;

import io.clawguard.wire.ChannelStreams;
import io.clawguard.wire.Frame;
import io.clawguard.wire.FrameStream;
import io.clawguard.wire.ProtocolException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * {@code clawguard exec}'s side of the agent socket: sends one request, then relays what the
 * broker sends back (notices while it waits, the command's output as it is written) and the
 * requester's standard input, never more than the broker's window ahead. It decides nothing
 * and runs nothing: the broker does. Its exit code is the command's, or the refusal's.
 */
public final class ExecClient {
    public static final int NO_APPROVER = 10;
    static final int DENIED = 1;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final PrintStream stderr;

    public ExecClient(InputStream stdin, OutputStream stdout, PrintStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Asks the broker on {@code socket} to run {@code request} and relays until it ends. */
    public int run(Path socket, byte[] request) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return fail(NO_APPROVER, "no approver reachable: no ClawGuard broker answers on " + socket
                    + ". Ask the admin to start one (clawguard broker, or clawguard console), then run this again.");
        }
        try (channel) {
            FrameStream frames = new FrameStream(new BufferedInputStream(ChannelStreams.in(channel)),
                    ChannelStreams.out(channel));
            try {
                frames.write(new Frame(Frame.REQUEST, request));
            } catch (IOException refusedBeforeReading) {
                // A broker that refuses a peer answers and closes before reading a byte; its answer is
                // still there to read (and if there is none, the broker is gone and relay says so).
            }
            return relay(frames);
        } catch (IOException | ProtocolException e) {
            return fail(NO_APPROVER, "the broker connection failed (" + e.getMessage() + "); nothing ran");
        }
    }

    private int relay(FrameStream frames) throws IOException, ProtocolException {
        StdinPump pump = null;
        for (Frame f = frames.read(); f != null; f = frames.read()) {
            switch (f.type()) {
                case Frame.NOTICE -> {
                    stderr.println("clawguard exec: " + f.text());
                    stderr.flush();
                }
                case Frame.STARTED -> {
                    pump = new StdinPump(stdin, frames, f.number());
                    pump.start();
                }
                case Frame.WINDOW -> {
                    if (pump != null) {
                        pump.grant(f.number());
                    }
                }
                case Frame.STDOUT -> {
                    stdout.write(f.payload());
                    stdout.flush();
                }
                case Frame.STDERR -> {
                    stderr.write(f.payload());
                    stderr.flush();
                }
                case Frame.EXIT -> {
                    String message = f.exitMessage();
                    return message.isEmpty() ? f.number() : fail(f.number(), message);
                }
                default -> throw new ProtocolException("unexpected frame '" + (char) f.type() + "'");
            }
        }
        return pump == null ? fail(NO_APPROVER, "the broker went away before deciding; nothing ran")
                : fail(DENIED, "the broker went away while the command ran; its exit code is unknown");
    }

    private int fail(int code, String message) {
        stderr.println("clawguard exec: " + message);
        stderr.flush();
        return code;
    }
}
