package io.clawguard.console;

import io.clawguard.approval.VisibleText;
import io.clawguard.bus.NetworkChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of the ports or egress pane: the socket or destination, its findings, and the
 * flag letters that mark it without colour ({@code U} unapproved, {@code I} insecure,
 * {@code P} public bind, {@code E} unapproved egress).
 */
public record NetworkRow(String key, String text, String process, int port, List<NetworkChanged.FindingView> findings,
                         List<String> details) {

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

    static List<NetworkRow> ports(NetworkChanged n) {
        List<NetworkRow> rows = new ArrayList<>();
        for (NetworkChanged.Listener l : n.listening()) {
            String process = VisibleText.of(l.process()).text();
            rows.add(new NetworkRow(l.key(), l.key(), process, l.port(), findingsOf(n, l.key()),
                    List.of("listener  " + l.key(), "process   " + process + " (pid " + l.pid() + ", user "
                            + VisibleText.of(l.user()).text() + ")")));
        }
        return rows;
    }

    static List<NetworkRow> egress(NetworkChanged n) {
        List<NetworkRow> rows = new ArrayList<>();
        for (NetworkChanged.Destination d : n.outbound()) {
            String process = VisibleText.of(d.process()).text();
            String text = d.protocol() + " " + d.remote() + ":" + d.remotePort();
            rows.add(new NetworkRow(d.key(), text, process, d.remotePort(), findingsOf(n, d.key()),
                    List.of("destination " + text, "process     " + process + " (pid " + d.pid() + ", user "
                            + VisibleText.of(d.user()).text() + ")")));
        }
        return rows;
    }

    private static List<NetworkChanged.FindingView> findingsOf(NetworkChanged n, String subject) {
        return n.findings().stream().filter(f -> f.subject().equals(subject)).toList();
    }

    /** The detail view: what it is, then each finding with what to do about it. */
    List<String> detailLines() {
        List<String> out = new ArrayList<>(details);
        if (findings.isEmpty()) {
            out.add("no findings: it matches the approved rules");
        }
        for (NetworkChanged.FindingView f : findings) {
            out.add("");
            out.add("[" + f.risk().toUpperCase(Locale.ROOT) + "] " + f.kind());
            out.add("  " + VisibleText.of(f.summary()).text());
            out.add("  what to do: " + f.recommendation());
        }
        return out;
    }
}
