package io.clawguard.monitor;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code approved_ports.json} and {@code egress_allowlist.json}. Empty when a file does
 * not exist; an error naming the file and the rule (by its index) when it cannot be used.
 */
public final class RuleFiles {
    private RuleFiles() {
    }

    public static Optional<List<PortRule>> ports(Path file) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(file);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        List<PortRule> rules = new ArrayList<>();
        for (JsonObject o : JsonObject.listOf(file.toString(), doc.get())) {
            rules.add(new PortRule(port(o, "port", true), protocol(o), o.optString("command").orElse(null),
                    o.optString("host").orElse(null), o.optString("comment").orElse(null)));
        }
        return Optional.of(List.copyOf(rules));
    }

    public static Optional<List<EgressRule>> egress(Path file) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(file);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        List<EgressRule> rules = new ArrayList<>();
        List<JsonObject> entries = JsonObject.listOf(file.toString(), doc.get());
        for (int i = 0; i < entries.size(); i++) {
            JsonObject o = entries.get(i);
            String host = o.optString("host").orElse(null);
            Pattern regex = regex(o);
            Cidr cidr = cidr(o);
            if (host == null && regex == null && cidr == null) {
                throw o.error("host", "is missing: a rule needs \"host\", \"host_regex\" or \"cidr\"");
            }
            Integer port = o.has("port") ? port(o, "port", false) : null;
            rules.add(new EgressRule(i, protocol(o), host, regex, cidr, port, o.optString("command").orElse(null),
                    o.optString("comment").orElse(null)));
        }
        return Optional.of(List.copyOf(rules));
    }

    private static int port(JsonObject o, String field, boolean required) throws InvalidJsonFileException {
        Optional<Long> p = o.optLong(field);
        if (p.isEmpty()) {
            if (required) {
                throw o.error(field, "is required");
            }
            return 0;
        }
        if (p.get() < 1 || p.get() > 65535) {
            throw o.error(field, "must be between 1 and 65535, not " + p.get());
        }
        return p.get().intValue();
    }

    private static Protocol protocol(JsonObject o) throws InvalidJsonFileException {
        String text = o.optString("protocol").orElse("tcp");
        Protocol p = Protocol.parse(text);
        if (p == null) {
            throw o.error("protocol", "must be \"tcp\" or \"udp\", not \"" + text + "\"");
        }
        return p;
    }

    private static Pattern regex(JsonObject o) throws InvalidJsonFileException {
        Optional<String> text = o.optString("host_regex");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(text.get(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw o.error("host_regex", "is not a valid regex: " + e.getDescription());
        }
    }

    private static Cidr cidr(JsonObject o) throws InvalidJsonFileException {
        Optional<String> text = o.optString("cidr");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Cidr.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw o.error("cidr", e.getMessage());
        }
    }
}
