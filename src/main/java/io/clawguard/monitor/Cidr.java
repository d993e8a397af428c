package io.clawguard.monitor;

import java.net.InetAddress;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
public record Cidr(byte[] network, int prefix, String text) {

    /** Parses only numeric addresses: a CIDR never triggers a DNS lookup. */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = Addresses.literal(addr).map(InetAddress::getAddress).orElseThrow(
                () -> new IllegalArgumentException("\"" + text + "\" is not a network such as 10.0.0.0/8"));
        int max = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length");
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("\"" + text + "\": the prefix must be 0 to " + max);
        }
        return new Cidr(bytes, prefix, text);
    }

    public boolean contains(InetAddress address) {
        byte[] a = Addresses.unmapped(address).getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }
}
