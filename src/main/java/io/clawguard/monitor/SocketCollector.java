package io.clawguard.monitor;

import java.io.IOException;

/** Where sockets come from: the kernel on a real host ({@link LinuxSocketCollector}), a fake in tests. */
public interface SocketCollector {
    SocketSnapshot collect() throws IOException;
}
