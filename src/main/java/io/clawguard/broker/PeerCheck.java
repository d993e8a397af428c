package io.clawguard.broker;

import io.clawguard.approval.AuditTrail;
import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing each socket does with a connection: ask the kernel who is on the other end
 * and hold that against the rules, before reading a byte. A refusal is audited with the
 * peer's uid and pid.
 */
final class PeerCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCheck.class);

    /** Who the kernel says the peer is. */
    record Peer(int uid, int gid, long pid) {
    }

    /** A peer refused again within this time is counted, not written again: a flood must not flood the log. */
    private static final long QUIET_MILLIS = 10_000;


    private final PeerRules rules;
    private final AuditTrail audit;
    private final Map<String, long[]> lastRecorded = new ConcurrentHashMap<>();
    private final Semaphore gentleCloses = new Semaphore(32);

    PeerCheck(PeerRules rules, AuditTrail audit) {
        this.rules = rules;
        this.audit = audit;
    }

    /**
     * After a refusal has been written: stops sending and lets the peer finish sending its first
     * message (read and thrown away unparsed, a second at most), so a client that wrote before it
     * read still finds the refusal instead of a reset connection.
     */
    void closeGently(AFUNIXSocket socket) {
        // Bounded: a flood of refused peers gets plain closes rather than tying up threads.
        if (!gentleCloses.tryAcquire()) {
            return;
        }
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(300);
            byte[] sink = new byte[4096];
            InputStream in = socket.getInputStream();
            for (int total = 0, n = in.read(sink); n > 0 && total < 65536; n = in.read(sink)) {
                total += n;
            }
        } catch (IOException e) {
            LOG.debug("a refused peer went away first", e);
        } finally {
            gentleCloses.release();
        }
    }

    static Peer of(AFUNIXSocket socket) throws IOException {
        AFUNIXSocketCredentials c = socket.getPeerCredentials();
        return new Peer((int) c.getUid(), (int) c.getGid(), c.getPid());
    }

    /** True when the peer may ask on the agent socket; a refusal is audited. */
    boolean agent(Peer p) {
        return allowed(rules.mayAsk(p.uid(), p.gid()), "agent", p);
    }

    /** True when the peer may attach to the admin socket; a refusal is audited. */
    boolean admin(Peer p) {
        return allowed(rules.mayAttach(p.uid(), p.gid()), "admin", p);
    }

    /** A peer past its limit of open requests; recorded like a refusal, and as sparingly. */
    void overloaded(Peer p) {
        record(AuditAction.PEER_OVERLOADED, "agent", p, null);
    }

    /** A connection closed unread: its uid already holds {@code limit} open on {@code socket}; recorded as sparingly. */
    void tooManyConnections(Peer p, String socket, int limit) {
        record(AuditAction.PEER_OVERLOADED, socket, p, "more than " + limit + " connections open at once");
    }

    /** A request refused because the log's disk is nearly full; recorded as sparingly. */
    void lowOnDisk(Peer p, String why) {
        record(AuditAction.DISK_LOW_REFUSED, "agent", p, why);
    }

    private boolean allowed(boolean allowed, String socket, Peer p) {
        if (!allowed) {
            record(AuditAction.PEER_REFUSED, socket, p, null);
        }
        return allowed;
    }

    private void record(AuditAction action, String socket, Peer p, String why) {
        long now = System.currentTimeMillis();
        long[] last = lastRecorded.computeIfAbsent(action + ":" + socket + ":" + p.uid(), k -> new long[] {0, 0});
        long suppressed;
        synchronized (last) {
            if (now - last[0] < QUIET_MILLIS) {
                last[1]++;
                return;
            }
            suppressed = last[1];
            last[0] = now;
            last[1] = 0;
        }
        AuditFields f = AuditFields.fields().peer(socket, p.uid(), p.gid(), p.pid());
        if (suppressed > 0) {
            f.repeated(suppressed);
        }
        if (why != null) {
            f.why(why);
        }
        try {
            audit.append(action, f);
        } catch (IOException e) {
            LOG.error("could not record {}", action, e);
        }
    }
}
