package io.clawguard.cli;

import io.clawguard.audit.AuditSegments;
import io.clawguard.audit.RecordingCheck;
import io.clawguard.audit.AuditVerification;
import io.clawguard.audit.AuditVerifier;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code clawguard audit verify}: exit 0 on an intact chain, 5 naming the first bad line and
 * its file, or when there is no log at all (a new install says {@code --allow-empty}).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the audit log's hash chain through its rotated segments; exit 5 naming the first edited,"
                + " deleted, inserted or moved line, or a missing or reordered segment, and 5 when there is no log."})
final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--allow-empty", description = "A missing log is no error (a new install): exit 0.")
    boolean allowEmpty;

    @Option(names = "--since", paramLabel = "N", description = "Start at rotated segment N (its first record taken on"
            + " trust), for a series whose oldest segments were archived.")
    Long since;

    @Override
    public Integer call() throws IOException {
        Path log = home.stateHome().auditLog();
        if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS) && AuditSegments.rotated(log).isEmpty()) {
            if (!allowEmpty) {
                throw CommandFailure.auditLog(log.toString(), "no audit log at " + log + " (a new install has none"
                        + " until its first record: --allow-empty)");
            }
            if (json) {
                System.out.println(JsonValues.pretty(Map.of("file", log.toString(), "intact", true, "empty", true)));
            } else {
                System.out.println(log + ": no audit log yet (allowed by --allow-empty)");
            }
            return ExitCode.CLEAN;
        }
        AuditVerification v;
        try {
            v = since == null ? AuditVerifier.verify(log) : AuditVerifier.verifySince(log, since);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--since: " + e.getMessage());
        }
        // The recordings the records vouch for: each one's SHA-256 is in its exec_finish record.
        List<RecordingCheck.Problem> recordings = RecordingCheck.check(log);
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", log.toString());
            m.put("intact", v.intact());
            m.put("recording_problems", recordings.stream().map(p -> Map.of("seq", p.seq(), "file", p.file(),
                    "problem", p.problem())).toList());
            m.put("legacy_lines", (long) v.legacyLines());
            m.put("chain_start_line", (long) v.chainStartLine());
            m.put("chained_records", v.chainedRecords());
            m.put("last_seq", v.lastSeq());
            m.put("bad_file", v.badFile());
            m.put("first_bad_line", (long) v.firstBadLine());
            m.put("problem", v.problem());
            System.out.println(JsonValues.pretty(m));
        } else if (v.intact()) {
            System.out.println(log + ": intact, " + v.chainedRecords() + " chained records" + legacyNote(v));
        } else {
            System.out.println(log + ": BROKEN in " + v.badFile() + " at line " + v.firstBadLine() + ": " + v.problem());
        }
        if (!json) {
            recordings.forEach(p -> System.out.println("recording " + p.file() + " (record seq " + p.seq()
                    + ") does not match: " + p.problem()));
        }
        return v.intact() && recordings.isEmpty() ? ExitCode.CLEAN : ExitCode.AUDIT_LOG;
    }

    private static String legacyNote(AuditVerification v) {
        if (v.legacyLines() == 0) {
            return "";
        }
        String start = v.chainStartLine() == 0 ? "no chained record yet"
                : "the chain starts at line " + v.chainStartLine() + " and seals them";
        return "; " + v.legacyLines() + " unchained legacy lines from the earlier tool first (" + start + ")";
    }
}
