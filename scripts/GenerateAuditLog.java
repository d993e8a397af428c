import io.clawguard.audit.AuditChain;
import io.clawguard.json.JsonValues;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark input (not a test): writes a chained audit log of a given size into a folder, as
 * the broker would have over a long busy life: the request/decision/exec/drop cycle with
 * realistic fields, each record canonical and chained, rotated into numbered segments (or one
 * file with segment size 0), and the head file.
 *
 * Usage: java -cp target/clawguard.jar scripts/GenerateAuditLog.java FOLDER SIZE_MIB [SEGMENT_MIB]
 */
public class GenerateAuditLog {
    private static final String[] ACTIONS = {"approval_requested", "approval_decision", "approval_granted",
            "exec_start", "exec_finish", "drop_elevation"};

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long size = Long.parseLong(args[1]) << 20;
        long segment = args.length > 2 ? Long.parseLong(args[2]) << 20 : 64L << 20;
        Files.createDirectories(folder);
        Path log = folder.resolve("privileged-audit.jsonl");
        Instant ts = Instant.parse("2026-01-01T00:00:00Z");
        String prev = AuditChain.genesisPrev(new byte[0]);
        long seq = 0;
        long written = 0;
        long inSegment = 0;
        long segmentNo = 0;
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20);
        while (written < size) {
            if (segment > 0 && inSegment >= segment) {
                out.close();
                Files.move(log, log.resolveSibling(String.format("privileged-audit.jsonl.%06d", ++segmentNo)));
                out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20);
                inSegment = 0;
            }
            seq++;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ts_utc", ts.plusMillis(seq * 137).toString());
            r.put("action", ACTIONS[(int) (seq % ACTIONS.length)]);
            r.put("argv", List.of("/usr/bin/systemctl", "restart", "web-" + (seq % 97) + ".service"));
            r.put("reason", "deploy build " + seq + " of the storefront after the nightly tests passed");
            r.put("cwd", "/srv/openclaw/workspaces/task-" + (seq % 1013));
            r.put("uid", 1000L + seq % 3);
            r.put("pid", 20000L + seq % 30000);
            r.put("session_id", "task-" + (seq / 6));
            r.put("request_id", Long.toHexString(seq * 0x9E3779B97F4A7C15L));
            r.put(AuditChain.SEQ, seq);
            r.put(AuditChain.PREV, prev);
            String hash = AuditChain.hashOf(r);
            r.put(AuditChain.HASH, hash);
            byte[] line = (JsonValues.canonical(r) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            written += line.length;
            inSegment += line.length;
            prev = hash;
        }
        out.close();
        Files.writeString(folder.resolve("privileged-audit.jsonl.head"),
                "{\"hash\":\"" + prev + "\",\"seq\":" + seq + "}\n");
        System.out.println(log + ": " + seq + " records, " + written + " bytes, " + segmentNo + " rotated segments");
    }
}
