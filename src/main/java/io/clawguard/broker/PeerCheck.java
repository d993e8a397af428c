package io.clawguard.broker;

import io.clawguard.approval.AuditTrail;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final PeerRules rules;
    private final AuditTrail audit;

    PeerCheck(PeerRules rules, AuditTrail audit) {
        this.rules = rules;
        this.audit = audit;
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

    private boolean allowed(boolean allowed, String socket, Peer p) {
        if (!allowed) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("socket", socket);
            f.put("peer_uid", (long) p.uid());
            f.put("peer_gid", (long) p.gid());
            f.put("peer_pid", p.pid());
            try {
                audit.append("peer_refused", f);
            } catch (IOException e) {
                LOG.error("could not record a refused peer", e);
            }
        }
        return allowed;
    }
}
