package io.clawguard.monitor;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a review starts from. With no file yet, one rule per listener (or outbound
 * destination) running now, scoped to its program and, unless it listens everywhere, its
 * bind address. With a file, its rules as they are, each marked with whether anything
 * running now still uses it.
 */
public final class BaselineProposal {
    private BaselineProposal() {
    }

    public static List<BaselineItem> of(BaselineKind kind, Path file, SocketSnapshot now) throws InvalidJsonFileException {
        Optional<Object> existing = JsonFiles.read(file);
        if (existing.isPresent()) {
            return existing(kind, file, existing.get(), now);
        }
        return kind == BaselineKind.PORTS ? fromListeners(now) : fromConnections(now);
    }

    private static List<BaselineItem> fromListeners(SocketSnapshot now) {
        Map<String, BaselineItem> items = new LinkedHashMap<>();
        for (ListeningSocket s : now.listening()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("port", (long) s.port());
            rule.put("protocol", s.protocol().wire());
            if (!"?".equals(s.process())) {
                rule.put("command", s.process());
            }
            if (!s.wildcard()) {
                rule.put("host", Addresses.text(s.bind()));
            }
            String origin = s.process() + " (pid " + s.pid() + ", " + s.user() + ") on " + Addresses.endpoint(s.bind(), s.port());
            items.putIfAbsent(rule.toString(), new BaselineItem(describe(rule), origin, rule, true, null, true));
        }
        return new ArrayList<>(items.values());
    }

    private static List<BaselineItem> fromConnections(SocketSnapshot now) {
        Map<String, BaselineItem> items = new LinkedHashMap<>();
        for (Connection c : now.connections()) {
            if (c.remote().isLoopbackAddress() || isInbound(c, now)) {
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("protocol", c.protocol().wire());
            rule.put("cidr", Addresses.text(c.remote()) + (c.remote().getAddress().length == 4 ? "/32" : "/128"));
            rule.put("port", (long) c.remotePort());
            if (!"?".equals(c.process())) {
                rule.put("command", c.process());
            }
            String origin = c.process() + " (pid " + c.pid() + ") to " + Addresses.endpoint(c.remote(), c.remotePort());
            items.putIfAbsent(rule.toString(), new BaselineItem(describe(rule), origin, rule, true, null, true));
        }
        return new ArrayList<>(items.values());
    }

    private static boolean isInbound(Connection c, SocketSnapshot now) {
        return now.listening().stream().anyMatch(s -> s.protocol() == c.protocol() && s.port() == c.localPort());
    }

    private static List<BaselineItem> existing(BaselineKind kind, Path file, Object doc, SocketSnapshot now)
            throws InvalidJsonFileException {
        List<BaselineItem> items = new ArrayList<>();
        List<PortRule> ports = kind == BaselineKind.PORTS ? RuleFiles.ports(file).orElse(List.of()) : List.of();
        List<EgressRule> egress = kind == BaselineKind.EGRESS ? RuleFiles.egress(file).orElse(List.of()) : List.of();
        List<JsonObject> raw = JsonObject.listOf(file.toString(), doc);
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>(raw.get(i).fields());
            Object comment = rule.remove("comment");
            boolean inUse;
            String origin;
            if (kind == BaselineKind.PORTS) {
                PortRule r = ports.get(i);
                List<ListeningSocket> users = now.listening().stream().filter(r::matches).toList();
                inUse = !users.isEmpty();
                origin = inUse ? "in use by " + users.get(0).process() + " on " + Addresses.endpoint(users.get(0).bind(),
                        users.get(0).port()) : "nothing listens on it now";
            } else {
                EgressRule r = egress.get(i);
                inUse = now.connections().stream().anyMatch(c -> r.protocol() == c.protocol() && r.portMatches(c.remotePort())
                        && r.commandMatches(c) && r.cidr() != null && r.cidr().contains(c.remote()));
                origin = inUse ? "in use now" : "no connection uses it now (host rules are not checked here)";
            }
            items.add(new BaselineItem(describe(rule), origin, rule, true, comment instanceof String s ? s : null, inUse));
        }
        return items;
    }

    static String describe(Map<String, Object> rule) {
        StringBuilder s = new StringBuilder();
        rule.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return s.toString();
    }
}
