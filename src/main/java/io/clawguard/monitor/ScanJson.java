package io.clawguard.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stable JSON of {@code clawguard ports --json} and {@code clawguard egress --json}:
 * {@code generated_at_utc}, the rule file state, the sockets, and the findings, each with
 * {@code kind}, {@code risk}, {@code subject}, {@code summary} and {@code recommendation}.
 */
public final class ScanJson {
    private ScanJson() {
    }

    public static Map<String, Object> ports(NetworkScan scan) {
        Map<String, Object> m = header(scan);
        m.put("baseline_present", scan.baseline().isPresent());
        List<Object> sockets = new ArrayList<>();
        for (ListeningSocket s : scan.snapshot().listening()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("protocol", s.protocol().wire());
            e.put("bind", Addresses.text(s.bind()));
            e.put("port", (long) s.port());
            e.put("pid", s.pid());
            e.put("process", s.process());
            e.put("user", s.user());
            e.put("approved", scan.baseline().orElse(List.of()).stream().anyMatch(r -> r.matches(s)));
            sockets.add(e);
        }
        m.put("listening", sockets);
        m.put("findings", findings(scan.portFindings()));
        return m;
    }

    public static Map<String, Object> egress(NetworkScan scan) {
        Map<String, Object> m = header(scan);
        m.put("allowlist_present", scan.allowlist().isPresent());
        List<Object> outbound = new ArrayList<>();
        for (Connection c : scan.egress().outbound()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("protocol", c.protocol().wire());
            e.put("local", Addresses.endpoint(c.local(), c.localPort()));
            e.put("remote", Addresses.text(c.remote()));
            e.put("remote_port", (long) c.remotePort());
            e.put("pid", c.pid());
            e.put("process", c.process());
            e.put("user", c.user());
            outbound.add(e);
        }
        m.put("outbound", outbound);
        m.put("inbound_count", (long) scan.egress().inbound().size());
        m.put("findings", findings(scan.egress().findings()));
        return m;
    }

    private static Map<String, Object> header(NetworkScan scan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generated_at_utc", scan.snapshot().at().toString());
        m.put("rule_errors", scan.ruleErrors());
        return m;
    }

    public static List<Object> findings(List<Finding> findings) {
        List<Object> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", f.kind().id());
            e.put("risk", f.risk().name().toLowerCase(Locale.ROOT));
            e.put("subject", f.subject());
            e.put("summary", f.summary());
            e.put("recommendation", f.recommendation());
            out.add(e);
        }
        return out;
    }
}
