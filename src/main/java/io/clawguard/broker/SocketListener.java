package io.clawguard.broker;

import io.clawguard.files.UnixSocketProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the broker's Unix sockets: binds it with the given mode, hands each connection to a
 * handler on a thread of its own, and on close stops accepting and closes every connection,
 * so waiting peers learn at once. A stale socket left by a dead broker is replaced; a live
 * one is refused. The mode is a second fence only: who may do what is the handler's
 * decision, from the kernel's peer credentials.
 *
 * <p>Before a thread is spent on a connection, the kernel's uid of its peer is counted: one
 * uid holds at most {@code perUid} connections open at once, so a peer opening thousands
 * cannot exhaust the broker's threads or crowd out another user; the excess is closed at once
 * and reported to {@code overflow}.
 */
final class SocketListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketListener.class);

    private final Path socket;
    private final String mode;
    private final Consumer<AFUNIXSocket> handler;
    private final Set<AFUNIXSocket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections;
    private final int perUid;
    private final Consumer<PeerCheck.Peer> overflow;
    private final Map<Integer, AtomicInteger> openPerUid = new ConcurrentHashMap<>();
    private AFUNIXServerSocket server;

    SocketListener(Path socket, String mode, String name, int perUid, Consumer<PeerCheck.Peer> overflow,
                   Consumer<AFUNIXSocket> handler) {
        this.socket = socket;
        this.mode = mode;
        this.handler = handler;
        this.perUid = perUid;
        this.overflow = overflow;
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds the socket and starts accepting; fails when a live broker already answers on it. */
    void start() throws IOException {
        if (UnixSocketProbe.answers(socket)) {
            throw new IOException("a ClawGuard broker already answers on " + socket
                    + "; attach to it with clawguard console, or stop it first");
        }
        Files.deleteIfExists(socket);
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(new File(socket.toString())));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString(mode));
        Thread accept = new Thread(this::acceptLoop, "accept " + socket.getFileName());
        accept.setDaemon(true);
        accept.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                AFUNIXSocket s = server.accept();
                PeerCheck.Peer peer = peerOf(s);
                AtomicInteger count = peer == null ? null
                        : openPerUid.computeIfAbsent(peer.uid(), uid -> new AtomicInteger());
                if (count == null || count.incrementAndGet() > perUid) {
                    if (count != null) {
                        count.decrementAndGet();
                        overflow.accept(peer);
                    }
                    s.close();
                    continue;
                }
                open.add(s);
                try {
                    connections.execute(() -> {
                        try (s) {
                            handler.accept(s);
                        } catch (IOException | RuntimeException e) {
                            LOG.warn("a connection on {} failed", socket, e);
                        } finally {
                            open.remove(s);
                            count.decrementAndGet();
                        }
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    open.remove(s);
                    count.decrementAndGet();
                    s.close();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("accepting on {} failed", socket, e);
                }
            }
        }
    }

    /** The kernel's word on who connected; null (the connection is dropped) when it cannot be had. */
    private PeerCheck.Peer peerOf(AFUNIXSocket s) {
        try {
            return PeerCheck.of(s);
        } catch (IOException e) {
            LOG.warn("no peer credentials for a connection on {}", socket, e);
            return null;
        }
    }

    /**
     * Stops accepting, gives connections half a second to deliver answers already decided
     * (denials on shutdown), then closes the rest.
     */
    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        connections.shutdown();
        try {
            connections.awaitTermination(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AFUNIXSocket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing a connection failed", e);
            }
        }
        connections.shutdownNow();
        Files.deleteIfExists(socket);
    }
}
