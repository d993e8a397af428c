package io.clawguard.monitor;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** Addresses written as people read them: {@code 127.0.0.1}, {@code [::1]} in endpoints. */
public final class Addresses {
    private Addresses() {
    }

    /** The address in its usual short form (IPv6 compressed as in RFC 5952: {@code ::1}). */
    public static String text(InetAddress a) {
        String s = a.getHostAddress();
        int zone = s.indexOf('%');
        s = zone >= 0 ? s.substring(0, zone) : s;
        return a instanceof Inet6Address ? compress(s) : s;
    }

    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** A numeric address written in a rule; empty for a name (rules never trigger DNS here). */
    public static Optional<InetAddress> literal(String text) {
        if (text == null || !text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(unmapped(InetAddress.getByName(text)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public static String endpoint(InetAddress a, int port) {
        return (a instanceof Inet6Address ? "[" + text(a) + "]" : text(a)) + ":" + port;
    }

    /** IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) counts as the IPv4 address it carries. */
    public static InetAddress unmapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) {
            boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    return a;
                }
            }
        }
        return a;
    }
}
