package io.clawguard.forward;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One connection to the collector, carrying one batch. Syslog has no acknowledgements, so what
 * TCP can tell is used: after the batch we close our side, and a collector that has read
 * everything closes its side cleanly (FIN, or TLS close_notify), while one that stops with bytes
 * unread resets the connection. Only that clean close counts the batch as delivered.
 */
interface SyslogTransport extends Closeable {
    /** Sends the messages in order; an exception means the connection is done. */
    void send(List<byte[]> messages) throws IOException;

    /** Closes our side and waits for the collector's clean close; throws when it does not come. */
    void confirmAndClose(Duration wait) throws IOException;

    /** False for UDP: nothing ever answers, so what was sent is all that is known. */
    boolean confirms();

    /** Opens a connection to the collector. */
    @FunctionalInterface
    interface Opener {
        SyslogTransport open() throws IOException;
    }
}
