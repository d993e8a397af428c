package io.clawguard.monitor;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Names and addresses as far as they are known now. Implementations answer at once from
 * what they have (possibly nothing yet) and never block a scan on DNS.
 */
public interface HostResolver {
    List<InetAddress> addresses(String host);

    Optional<String> name(InetAddress address);
}
