package io.clawguard.attach;

import io.clawguard.bus.ApprovalDecided;
import io.clawguard.bus.ApprovalRequested;
import io.clawguard.bus.CommandFinished;
import io.clawguard.bus.CommandStarted;
import io.clawguard.bus.ElevationChanged;
import io.clawguard.bus.Event;
import io.clawguard.bus.ForwardingChanged;
import io.clawguard.bus.HostsChanged;
import io.clawguard.bus.NetworkChanged;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of an event may be absent: every other one must be there. JSON null decodes to
 * a Java null, and a broker on another host is not trusted to send whole events; the screen
 * draws on these fields, so an event that lacks one is refused where it arrives.
 */
final class RequiredFields {
    private static final Map<Class<?>, Set<String>> MAY_BE_NULL = Map.of(
            ApprovalDecided.class, Set.of("reason"),
            ApprovalRequested.class, Set.of("argvChangeable", "resolvedPath", "cwd", "sessionId", "reason",
                    "requesterProcess", "runsAs"),
            CommandFinished.class, Set.of("exitCode"),
            CommandStarted.class, Set.of("authorisedBy"),
            ElevationChanged.class, Set.of("lastActivity", "idleTimeout", "sessionId", "cause"),
            ForwardingChanged.class, Set.of("problem"),
            HostsChanged.class, Set.of(),
            NetworkChanged.class, Set.of("scanError"));

    private RequiredFields() {
    }

    /** The event, when every field it must have is there. */
    static Event check(Event e) {
        Set<String> optional = MAY_BE_NULL.getOrDefault(e.getClass(), Set.of());
        for (RecordComponent c : e.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(e);
            } catch (IllegalAccessException | InvocationTargetException unreadable) {
                throw new IllegalArgumentException(e.getClass().getSimpleName() + "." + c.getName() + " cannot be read");
            }
            if (value == null && !optional.contains(c.getName())) {
                throw new IllegalArgumentException(e.getClass().getSimpleName() + " without " + c.getName());
            }
        }
        return e;
    }
}
