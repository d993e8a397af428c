package io.clawguard.monitor;

import java.io.IOException;

/** Where sockets come from: OSHI on a real host, a fake in tests. */
public interface SocketCollector {
    SocketSnapshot collect() throws IOException;
}
