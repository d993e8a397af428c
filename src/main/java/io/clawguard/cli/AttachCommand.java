package io.clawguard.cli;

import io.clawguard.files.StateHome;
import io.clawguard.wire.ChannelStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clawguard attach --stdio}: joins standard input and output to the broker's admin
 * socket, byte for byte, the way {@code docker system dial-stdio} does. A console on another
 * host runs it through {@code ssh -T}: OpenSSH authenticates and encrypts, and the broker checks
 * this process's credentials like any console's, so the ssh user must be an admin there.
 */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Relay standard input and output to this host's broker admin socket, for a console on another"
                + " host: clawguard console --host ssh://admin@THIS-HOST runs it through ssh.",
                "Example: ssh -T admin@web1 clawguard attach --stdio"})
final class AttachCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--stdio", required = true, description = "Relay over standard input and output.")
    boolean stdio;

    @Override
    public Integer call() {
        StateHome h = home.stateHome();
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(h.adminSocket()));
        } catch (IOException e) {
            System.err.println("clawguard attach: no broker answers on " + h.adminSocket() + " (" + e.getMessage() + ")");
            return 1;
        }
        try (channel) {
            Thread up = new Thread(() -> {
                copy(System.in, ChannelStreams.out(channel));
                try {
                    // The console hung up: the broker sees the end of its input and lets go.
                    channel.shutdownOutput();
                } catch (IOException gone) {
                    // Closed already.
                }
            }, "attach-up");
            up.setDaemon(true);
            up.start();
            copy(ChannelStreams.in(channel), System.out);
        } catch (IOException e) {
            return 1;
        }
        return 0;
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buf = new byte[64 * 1024];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // One side went away; the other is closed by the caller.
        }
    }
}
