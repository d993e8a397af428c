package io.clawguard.bus;

import java.time.Instant;
import java.util.List;

/**
 * The hosts a console watches and how each link goes, and which one the panes other than the
 * approvals show. {@code view} grows whenever what those panes show starts afresh (another host
 * chosen, or the shown host reconnected and replays its state), so the console clears them.
 * Made by the console's own fleet link; one arriving from a broker is dropped.
 */
public record HostsChanged(List<HostView> hosts, String shown, long view, Instant at) implements Event {
    public HostsChanged {
        hosts = List.copyOf(hosts);
    }

    /** One host: its name, connected or not, and why not. */
    public record HostView(String name, boolean connected, String problem) {
    }
}
