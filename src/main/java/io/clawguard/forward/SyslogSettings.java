package io.clawguard.forward;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where audit records go besides the local log: {@code "syslog": {"transport", "host", "port",
 * "ca_file", "format", "facility"}} in {@code clawguard.json}. TLS checks the collector's
 * certificate against {@code ca_file} (the JVM's trusted roots without it) and its name against
 * {@code host}; there is no way to turn either check off.
 */
public record SyslogSettings(Transport transport, String host, int port, Path caFile, Format format, int facility) {
    /** RFC 5426 (UDP), RFC 6587 octet counting (TCP), RFC 5425 (TLS). */
    public enum Transport { UDP, TCP, TLS }

    /** The message body: an OCSF-shaped JSON object, or an ArcSight CEF line. */
    public enum Format { OCSF, CEF }

    /** RFC 5424 facility numbers an admin may pick; authpriv by default, as sudo logs. */
    static final Map<String, Integer> FACILITIES = Map.ofEntries(Map.entry("auth", 4), Map.entry("authpriv", 10),
            Map.entry("daemon", 3), Map.entry("user", 1), Map.entry("local0", 16), Map.entry("local1", 17),
            Map.entry("local2", 18), Map.entry("local3", 19), Map.entry("local4", 20), Map.entry("local5", 21),
            Map.entry("local6", 22), Map.entry("local7", 23));

    /** The setting, or null when {@code syslog} is absent. */
    public static SyslogSettings parse(JsonObject config, Path base) throws InvalidJsonFileException {
        Optional<JsonObject> found = config.optObject("syslog");
        if (found.isEmpty()) {
            return null;
        }
        JsonObject o = found.get();
        Transport transport = choice(o, "transport", Transport.class, null);
        String host = o.string("host");
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw o.error("host", "must be a host name or an IP address");
        }
        long port = o.optLong("port").orElseThrow(() -> o.error("port", "is required"));
        if (port < 1 || port > 65535) {
            throw o.error("port", "must be between 1 and 65535");
        }
        Path ca = o.optString("ca_file").map(base::resolve).orElse(null);
        if (ca != null && transport != Transport.TLS) {
            throw o.error("ca_file", "is for the tls transport only");
        }
        Format format = choice(o, "format", Format.class, Format.OCSF);
        String facilityName = o.optString("facility").orElse("authpriv");
        Integer facility = FACILITIES.get(facilityName);
        if (facility == null) {
            throw o.error("facility", "must be one of " + String.join(", ", new TreeSet<>(FACILITIES.keySet())));
        }
        return new SyslogSettings(transport, host.replaceAll("^\\[|]$", ""), (int) port, ca, format, facility);
    }

    private static <E extends Enum<E>> E choice(JsonObject o, String field, Class<E> type, E fallback)
            throws InvalidJsonFileException {
        Optional<String> v = o.optString(field);
        if (v.isEmpty()) {
            if (fallback == null) {
                throw o.error(field, "is required");
            }
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v.get())) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw o.error(field, "must be one of " + names);
    }

    /** How the collector is named in the console and the log. */
    public String describe() {
        return transport.name().toLowerCase(Locale.ROOT) + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + port;
    }
}
