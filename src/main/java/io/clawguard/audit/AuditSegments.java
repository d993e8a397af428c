package io.clawguard.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one audit log: the rotated segments ({@code privileged-audit.jsonl.000001},
 * {@code .000002}, …, oldest first) and then the active file the writer appends to. Numbers are
 * never reused, so a gap in them is a deleted segment.
 */
public final class AuditSegments {
    private AuditSegments() {
    }

    /** A rotated segment: its number and file. */
    public record Segment(long number, Path file) {
    }

    /** The rotated segments beside {@code log}, oldest first. */
    public static List<Segment> rotated(Path log) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(log.getFileName().toString()) + "\\.(\\d{6,18})");
        List<Segment> segments = new ArrayList<>();
        Path folder = log.toAbsolutePath().getParent();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Matcher m = name.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    segments.add(new Segment(Long.parseLong(m.group(1)), entry));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        segments.sort(Comparator.comparingLong(Segment::number));
        return segments;
    }

    /** The file of segment {@code number}. */
    public static Path file(Path log, long number) {
        return log.resolveSibling(log.getFileName() + "." + String.format("%06d", number));
    }

    /** The bytes of the whole series: every rotated segment and the active file. */
    public static long totalBytes(Path log) throws IOException {
        long total = 0;
        for (Segment s : rotated(log)) {
            total += Files.size(s.file());
        }
        return total + (Files.exists(log) ? Files.size(log) : 0);
    }

    /** The number the next rotation takes: one past the newest, so numbers only grow. */
    static long next(List<Segment> rotated) {
        return rotated.isEmpty() ? 1 : rotated.get(rotated.size() - 1).number() + 1;
    }
}
