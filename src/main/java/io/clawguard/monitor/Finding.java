package io.clawguard.monitor;

/**
 * Something the admin should look at: what kind, how risky, about which socket or
 * destination ({@code subject}, stable across scans), what was seen, and what to do.
 */
public record Finding(Kind kind, Risk risk, String subject, String summary, String recommendation) {
    /** The finding kinds of the network monitors. */
    public enum Kind {
        UNAPPROVED_PORT("unapproved-port"), INSECURE_PORT("insecure-port"), PUBLIC_BIND("public-bind"),
        UNAPPROVED_EGRESS("unapproved-egress"), SOCKET_FLOOD("socket-flood");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** How urgent. */
    public enum Risk { LOW, MEDIUM, HIGH }

    /** Identity across scans: the same kind about the same subject is the same finding. */
    public String key() {
        return kind.id() + " " + subject;
    }
}
