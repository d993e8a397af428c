package io.clawguard.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Knocks on an admin socket as whoever runs it and prints the broker's first line. JDK only. */
public final class AdminSocketProbe {
    private AdminSocketProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
            ch.write(ByteBuffer.wrap("{\"v\":1,\"type\":\"attach\"}\n".getBytes(StandardCharsets.UTF_8)));
            System.out.println(new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8)).readLine());
        }
    }
}
