package io.clawguard.audit;

import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The run recordings the audit log vouches for: each {@code exec_finish} that names a recording
 * carries its SHA-256, so a recording edited, cut or deleted after the run shows here. The chain
 * makes the hash itself tamper-evident.
 */
public final class RecordingCheck {
    private RecordingCheck() {
    }

    /** One recording that does not match its record: the record's seq, the file, and what is wrong. */
    public record Problem(long seq, String file, String problem) {
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest d = AuditChain.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Every recording the series' records name, checked against its hash. */
    public static List<Problem> check(Path log) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        AuditSegments.rotated(log).forEach(s -> files.add(s.file()));
        files.add(log);
        for (Path f : files) {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (var lines = Files.lines(f, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines.filter(l -> l.contains("\"recording_sha256\""))::iterator) {
                    check(line, problems);
                }
            }
        }
        return problems;
    }

    private static void check(String line, List<Problem> problems) {
        Object parsed;
        try {
            parsed = JsonValues.parse(line);
        } catch (IOException damaged) {
            return;
        }
        if (!(parsed instanceof Map<?, ?> r) || !(r.get("recording") instanceof String path)
                || !(r.get("recording_sha256") instanceof String expected)) {
            return;
        }
        long seq = r.get(AuditChain.SEQ) instanceof Number n ? n.longValue() : -1;
        try {
            String actual = sha256(Path.of(path));
            if (!actual.equals(expected)) {
                problems.add(new Problem(seq, path, "its SHA-256 is " + actual + ", the record says " + expected));
            }
        } catch (NoSuchFileException gone) {
            problems.add(new Problem(seq, path, "it is gone"));
        } catch (IOException e) {
            problems.add(new Problem(seq, path, "it cannot be read: " + e.getMessage()));
        }
    }
}
