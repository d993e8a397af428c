package io.clawguard.monitor;

import java.util.Locale;

/**
 * Transport protocol of a socket, as written in the rule files ({@code "tcp"}, {@code "udp"},
 * {@code "udplite"}: any user may open a UDP-Lite socket, and it listens and sends like UDP).
 */
public enum Protocol {
    TCP, UDP, UDPLITE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when {@code text} is neither. */
    public static Protocol parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "tcp", "tcp4", "tcp6" -> TCP;
            case "udp", "udp4", "udp6" -> UDP;
            case "udplite", "udplite6" -> UDPLITE;
            default -> null;
        };
    }
}
