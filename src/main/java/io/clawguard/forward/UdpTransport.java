package io.clawguard.forward;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;

/**
 * RFC 5426: one message per datagram, to a connected socket so an ICMP port-unreachable from
 * the collector surfaces as an error on a later send. Messages past what one datagram holds are
 * cut by the kernel's limit; the local log keeps them whole.
 */
final class UdpTransport implements SyslogTransport {
    private final DatagramChannel channel;

    UdpTransport(String host, int port) throws IOException {
        InetSocketAddress to = new InetSocketAddress(host, port);
        if (to.isUnresolved()) {
            throw new IOException("cannot resolve " + host);
        }
        channel = DatagramChannel.open();
        try {
            channel.connect(to);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void send(List<byte[]> messages) throws IOException {
        for (byte[] m : messages) {
            channel.write(ByteBuffer.wrap(m, 0, Math.min(m.length, 65_000)));
        }
    }

    @Override
    public void confirmAndClose(Duration wait) throws IOException {
        close();
    }

    @Override
    public boolean confirms() {
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
