package io.clawguard.forward;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditChain;
import io.clawguard.policy.ShellQuote;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One audit record as an OCSF 1.3.0 event: the class and activity of {@link OcsfClass}, the
 * common attributes (time, severity, status, metadata with the chain's {@code seq} and hash),
 * the objects of the class (process, user, endpoints, finding) filled from the record, and the
 * record itself, byte for byte as a value, under {@code unmapped.clawguard_record}, so the far
 * side can recompute the hash and check the chain.
 */
final class OcsfEvent {
    static final String OCSF_VERSION = "1.3.0";

    private OcsfEvent() {
    }

    static Map<String, Object> of(Map<String, Object> record, String hostname, String productVersion) {
        Optional<AuditAction> action = AuditAction.named(record.get("action"));
        OcsfClass c = action.map(OcsfClass::of).orElse(OcsfClass.UNKNOWN);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("class_uid", c.classUid());
        e.put("class_name", c.className());
        e.put("category_uid", c.categoryUid());
        e.put("category_name", c.categoryName());
        e.put("activity_id", c.activityId());
        e.put("activity_name", c.activityName());
        e.put("type_uid", c.typeUid());
        Severity severity = Severity.of(action.orElse(null));
        e.put("severity_id", severity.ocsfId());
        e.put("severity", severity.ocsfName());
        e.put("time", RecordTime.millis(record.get("ts_utc")));
        e.put("message", String.valueOf(record.get("action")));
        status(record, action.orElse(null), e);
        e.put("metadata", metadata(record, productVersion));
        e.put("device", Map.of("hostname", hostname, "type_id", 0));
        Object uid = record.get("requester_uid");
        if (uid != null) {
            e.put("actor", Map.of("user", Map.of("uid", String.valueOf(uid))));
        }
        switch (c.classUid()) {
            case 1007 -> e.put("process", process(record));
            case 3003 -> authorization(record, e);
            case 4001 -> network(record, e);
            case 2004 -> e.put("finding_info", finding(record));
            default -> { }
        }
        e.put("unmapped", Map.of("clawguard_record", record));
        return e;
    }

    private static Map<String, Object> metadata(Map<String, Object> record, String productVersion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", OCSF_VERSION);
        m.put("product", Map.of("name", "ClawGuard", "vendor_name", "ClawGuard", "version", productVersion));
        m.put("log_name", "privileged-audit");
        putIfPresent(m, "sequence", record.get(AuditChain.SEQ));
        putIfPresent(m, "uid", record.get(AuditChain.HASH));
        putIfPresent(m, "correlation_uid", record.get("request_id"));
        putIfPresent(m, "original_time", record.get("ts_utc"));
        return m;
    }

    /** OCSF status: 1 success, 2 failure, 0 unknown; refusals and failed runs are failures. */
    private static void status(Map<String, Object> record, AuditAction action, Map<String, Object> e) {
        Boolean ok = null;
        if (record.get("approved") instanceof Boolean b) {
            ok = b;
        } else if (record.get("returncode") instanceof Number n) {
            ok = n.longValue() == 0;
        } else if (action != null) {
            ok = switch (action.tone()) {
                case BAD -> false;
                case GOOD -> true;
                default -> null;
            };
        }
        e.put("status_id", ok == null ? 0 : ok ? 1 : 2);
        e.put("status", ok == null ? "Unknown" : ok ? "Success" : "Failure");
        if (record.get("returncode") instanceof Number n) {
            e.put("exit_code", n.longValue());
        }
        Object why = first(record, "decision_reason", "why", "because", "error", "problem");
        if (why != null) {
            e.put("status_detail", String.valueOf(why));
        }
    }

    private static Map<String, Object> process(Map<String, Object> record) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (record.get("argv") instanceof List<?> argv) {
            // Quoted as a shell would need it: joined with bare spaces, two different argv could read the same.
            p.put("cmd_line", ShellQuote.join(argv.stream().map(String::valueOf).toList()));
            Object path = record.getOrDefault("resolved_path", argv.isEmpty() ? null : argv.get(0));
            if (path != null) {
                String s = String.valueOf(path);
                p.put("file", Map.of("path", s, "name", s.substring(s.lastIndexOf('/') + 1), "type_id", 1));
            }
        }
        putIfPresent(p, "working_directory", record.get("cwd"));
        Object runsAs = first(record, "runs_as", "run_as");
        if (runsAs != null) {
            p.put("user", Map.of("name", String.valueOf(runsAs)));
        }
        return p;
    }

    private static void authorization(Map<String, Object> record, Map<String, Object> e) {
        Map<String, Object> user = new LinkedHashMap<>();
        putIfPresent(user, "uid", record.get("requester_uid") == null ? null : String.valueOf(record.get("requester_uid")));
        Object runsAs = first(record, "runs_as", "run_as");
        user.put("name", runsAs == null ? "root" : String.valueOf(runsAs));
        e.put("user", user);
        e.put("privileges", List.of(record.get("argv") instanceof List<?> argv
                ? "exec " + ShellQuote.join(argv.stream().map(String::valueOf).toList()) : "exec"));
        if (record.get("session_id") != null) {
            e.put("session", Map.of("uid", String.valueOf(record.get("session_id"))));
        }
    }

    /** A monitor record's subject is {@code "tcp 10.0.0.5:443 curl"} or {@code "tcp 0.0.0.0:22"}. */
    private static void network(Map<String, Object> record, Map<String, Object> e) {
        String subject = String.valueOf(record.getOrDefault("subject", ""));
        String[] parts = subject.split(" ", 3);
        if (parts.length >= 2) {
            e.put("connection_info", Map.of("protocol_name", parts[0]));
            Map<String, Object> endpoint = endpoint(parts[1]);
            boolean listening = AuditAction.named(record.get("action"))
                    .map(a -> a == AuditAction.PORT_OPENED || a == AuditAction.PORT_CLOSED).orElse(false);
            e.put(listening ? "src_endpoint" : "dst_endpoint", endpoint);
            if (parts.length == 3) {
                e.put("actor", Map.of("process", Map.of("name", parts[2])));
            }
        }
        putIfPresent(e, "status_detail", record.get("detail"));
    }

    private static Map<String, Object> endpoint(String hostPort) {
        Map<String, Object> m = new LinkedHashMap<>();
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        m.put("ip", host.replaceAll("^\\[|]$", ""));
        if (colon >= 0) {
            try {
                m.put("port", Integer.parseInt(hostPort.substring(colon + 1)));
            } catch (NumberFormatException notAPort) {
                m.put("svc_name", hostPort.substring(colon + 1));
            }
        }
        return m;
    }

    private static Map<String, Object> finding(Map<String, Object> record) {
        Map<String, Object> f = new LinkedHashMap<>();
        String subject = String.valueOf(first(record, "subject", "action"));
        f.put("uid", subject);
        f.put("title", String.valueOf(first(record, "detail", "problem", "subject", "action")));
        f.put("types", List.of(subject.split(" ", 2)[0]));
        return f;
    }

    private static Object first(Map<String, Object> record, String... fields) {
        for (String f : fields) {
            if (record.get(f) != null) {
                return record.get(f);
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
