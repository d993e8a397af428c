package io.clawguard.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flood of connections from one uid costs the broker at most that uid's share of threads. */
class SocketListenerTest {
    @TempDir
    Path dir;

    @Test
    void connectionsPastTheUidsShareAreClosedUnreadBeforeAThreadIsSpent() throws Exception {
        int share = 8;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        ConcurrentLinkedQueue<PeerCheck.Peer> overflowed = new ConcurrentLinkedQueue<>();
        Path socket = dir.resolve("t.sock");
        List<SocketChannel> flood = new ArrayList<>();
        try (SocketListener listener = new SocketListener(socket, "rw-------", "test-connection", share,
                overflowed::add, s -> {
                    handled.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })) {
            listener.start();
            for (int i = 0; i < share + 20; i++) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(socket));
                flood.add(ch);
            }
            int closed = 0;
            for (SocketChannel ch : flood) {
                ch.configureBlocking(false);
            }
            for (int round = 0; round < 200 && closed < 20; round++) {
                Thread.sleep(10);
                closed = 0;
                for (SocketChannel ch : flood) {
                    closed += ch.read(ByteBuffer.allocate(1)) < 0 ? 1 : 0;
                }
            }
            assertThat(closed).as("closed at once, unread").isEqualTo(20);
            assertThat(handled.get()).as("handled: the share, no more").isEqualTo(share);
            assertThat(overflowed).as("each reported, with the kernel's word on who").hasSize(20)
                    .allMatch(p -> p.pid() == ProcessHandle.current().pid());

            release.countDown();
            for (SocketChannel ch : flood) {
                ch.close();
            }
            for (int i = 0; i < 100 && handled.get() < share + 1; i++) {
                try (SocketChannel again = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    again.connect(UnixDomainSocketAddress.of(socket));
                    Thread.sleep(20);
                }
            }
            assertThat(handled.get()).as("slots given back once connections end").isGreaterThan(share);
        } finally {
            release.countDown();
            for (SocketChannel ch : flood) {
                ch.close();
            }
        }
    }
}
