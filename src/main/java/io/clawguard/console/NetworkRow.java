package io.clawguard.console;

import io.clawguard.text.VisibleText;
import io.clawguard.bus.NetworkChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One row of the ports or egress pane: the socket or destination, its findings, and the
 * flag letters that mark it without colour ({@code U} unapproved, {@code I} insecure,
 * {@code P} public bind, {@code E} unapproved egress). {@code what} names the kind of row
 * ("listener", "destination"); program and user are escaped as they come from the host.
 */
public record NetworkRow(String key, String what, String text, String process, String user, long pid, int port,
                         List<NetworkChanged.FindingView> findings) {

    public boolean flagged() {
        return !findings.isEmpty();
    }

    public String flags() {
        StringBuilder s = new StringBuilder();
        for (NetworkChanged.FindingView f : findings) {
            char c = switch (f.kind()) {
                case "unapproved-port" -> 'U';
                case "insecure-port" -> 'I';
                case "public-bind" -> 'P';
                default -> 'E';
            };
            if (s.indexOf(String.valueOf(c)) < 0) {
                s.append(c);
            }
        }
        return s.length() == 0 ? "ok" : s.toString();
    }

    /**
     * Built as they stream past: a pane keeps only a few hundred of the picture's rows, so the
     * rest are never held. {@code findings} is the picture's findings by subject.
     */
    static Stream<NetworkRow> ports(NetworkChanged n, Map<String, List<NetworkChanged.FindingView>> findings) {
        return n.listening().stream().map(l -> new NetworkRow(l.key(), "listener", visible(l.key()), visible(l.process()),
                visible(l.user()), l.pid(), l.port(), findings.getOrDefault(l.key(), List.of())));
    }

    static Stream<NetworkRow> egress(NetworkChanged n, Map<String, List<NetworkChanged.FindingView>> findings) {
        return n.outbound().stream().map(d -> new NetworkRow(d.key(), "destination",
                visible(d.protocol() + " " + d.remote()) + ":" + d.remotePort(), visible(d.process()), visible(d.user()),
                d.pid(), d.remotePort(), findings.getOrDefault(d.key(), List.of())));
    }

    private static String visible(String raw) {
        return VisibleText.of(raw).text();
    }

    /**
     * Whether the admin's filter finds this row as it is shown: in its address, port, program,
     * user or pid, whatever the case. Hidden characters match as they are written out ({@code \x1b}).
     */
    boolean matches(String filter) {
        return filter.isEmpty() || contains(text, filter) || contains(process, filter) || contains(user, filter)
                || contains(Integer.toString(port), filter) || contains(Long.toString(pid), filter);
    }

    private static boolean contains(String haystack, String needle) {
        for (int i = 0; i + needle.length() <= haystack.length(); i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    /** The detail view's title: the key, which names the program for a destination, so escaped. */
    String title() {
        return visible(key);
    }

    /** The detail view: what it is, then each finding with what to do about it. */
    List<String> detailLines() {
        String label = "%-" + Math.max(what.length() + 1, 10) + "s";
        List<String> out = new ArrayList<>(List.of(String.format(label, what) + text,
                String.format(label, "process") + process + " (pid " + pid + ", user " + user + ")"));
        if (findings.isEmpty()) {
            out.add("no findings: it matches the approved rules");
        }
        for (NetworkChanged.FindingView f : findings) {
            out.add("");
            out.add("[" + visible(f.risk().toUpperCase(Locale.ROOT)) + "] " + visible(f.kind()));
            out.add("  " + visible(f.summary()));
            // The advice can name the program ("otherwise stop <program>"): escaped like the rest.
            out.add("  what to do: " + visible(f.recommendation()));
        }
        return out;
    }
}
