package io.clawguard.approval;

import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.UnixSocketProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on the Unix socket for {@code clawguard exec} and hands each connection to a
 * {@link BrokerConnection}. The socket's folder is 0700 and the socket 0600 (0660 when
 * agent users are configured, shared through a group); a stale socket left by a dead
 * console is replaced, a live one is refused. Closing the server closes every connection,
 * so waiting requesters are refused at once.
 */
public final class BrokerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerServer.class);

    private final Path socket;
    private final BrokerContext context;
    private final boolean shareWithGroup;
    private final Set<AFUNIXSocket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "broker-connection");
        t.setDaemon(true);
        return t;
    });
    private AFUNIXServerSocket server;

    public BrokerServer(Path socket, BrokerContext context, boolean shareWithGroup) {
        this.socket = socket;
        this.context = context;
        this.shareWithGroup = shareWithGroup;
    }

    /** Binds the socket and starts accepting; fails when another console is live on it. */
    public void start() throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            PrivateDirectory.create(dir);
        }
        replaceStaleSocket();
        server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(new File(socket.toString())));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString(shareWithGroup ? "rw-rw----" : "rw-------"));
        Thread accept = new Thread(this::acceptLoop, "broker-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void replaceStaleSocket() throws IOException {
        if (UnixSocketProbe.answers(socket)) {
            throw new IOException("another ClawGuard console is already running (" + socket + " answers);"
                    + " use that one, or stop it first");
        }
        Files.deleteIfExists(socket);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                AFUNIXSocket s = (AFUNIXSocket) server.accept();
                open.add(s);
                try {
                    connections.execute(() -> {
                        try {
                            new BrokerConnection(s, context).serve();
                        } finally {
                            open.remove(s);
                        }
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    open.remove(s);
                    s.close();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("accepting a broker connection failed", e);
                }
            }
        }
    }

    /**
     * Stops accepting, gives connections half a second to deliver answers already decided
     * (denials on quit), then closes the rest: their requesters are refused at once.
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
