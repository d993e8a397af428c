package io.clawguard.testing;

import io.clawguard.approval.BrokerContext;
import io.clawguard.approval.BrokerServer;
import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.PendingApprovals;
import io.clawguard.approval.PeerPolicy;
import io.clawguard.bus.EventBus;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.CommandValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A real broker on a socket in a temp home, with the pending approvals a console would answer. */
public final class RunningBroker implements AutoCloseable {
    public final StateHome home;
    public final EventBus bus = new EventBus();
    public final PendingApprovals pending;
    public final ElevationGate gate;
    private final BrokerServer server;

    public RunningBroker(StateHome home, Clock clock, Duration approvalTimeout) throws IOException {
        this.home = home;
        this.pending = new PendingApprovals(bus, clock, approvalTimeout);
        this.gate = new ElevationGate(new ElevationGate.Dependencies(home, CommandValidator.onThisHost(), clock, bus,
                ProcessIdentity.uid()));
        this.server = new BrokerServer(home.brokerSocket(), new BrokerContext(gate, pending,
                PeerPolicy.of(ProcessIdentity.uid(), List.of(), Path.of("/etc/passwd"))), false);
        server.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
