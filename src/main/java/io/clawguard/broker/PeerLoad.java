package io.clawguard.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many connections each uid holds open at once, capped: a requester that floods the agent
 * socket can tie up at most {@link #PER_UID} of the broker's threads, and never those of
 * another agent user or of the admins.
 */
final class PeerLoad {
    static final int PER_UID = 256;

    private final Map<Integer, AtomicInteger> open = new ConcurrentHashMap<>();

    /** True when {@code uid} may open one more; it must then {@link #release} it. */
    boolean admit(int uid) {
        AtomicInteger n = open.computeIfAbsent(uid, u -> new AtomicInteger());
        if (n.incrementAndGet() > PER_UID) {
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
