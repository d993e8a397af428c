package io.clawguard.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How hard each uid may press on the agent socket: at most {@code max_pending_per_uid}
 * requests open at once (the broker's threads) and {@link #PER_SECOND} a second on average, in bursts of up to
 * {@link #BURST} (each refusal and each request is an audit record, and the log is on disk).
 * One agent user's flood never takes what another's or the admins' need.
 */
final class PeerLoad {
    static final int PER_SECOND = 20;
    static final int BURST = 300;

    private final int perUid;
    private final Map<Integer, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<Integer, double[]> buckets = new ConcurrentHashMap<>();

    PeerLoad(int perUid) {
        this.perUid = perUid;
    }

    int perUid() {
        return perUid;
    }

    /** Takes one request from {@code uid}'s allowance; false when it is spent for now. */
    boolean withinRate(int uid) {
        double[] b = buckets.computeIfAbsent(uid, u -> new double[] {BURST, System.nanoTime()});
        synchronized (b) {
            double now = System.nanoTime();
            b[0] = Math.min(BURST, b[0] + (now - b[1]) / 1e9 * PER_SECOND);
            b[1] = now;
            if (b[0] < 1) {
                return false;
            }
            b[0] -= 1;
            return true;
        }
    }

    /** True when {@code uid} may open one more; it must then {@link #release} it. */
    boolean admit(int uid) {
        AtomicInteger n = open.computeIfAbsent(uid, u -> new AtomicInteger());
        if (n.incrementAndGet() > perUid) {
            n.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(int uid) {
        AtomicInteger n = open.get(uid);
        if (n != null) {
            n.decrementAndGet();
        }
    }
}
