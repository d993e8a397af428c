package io.clawguard.compliance;

import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code "assessment"} object of {@code clawguard.json}: the coverage below which no band
 * is given ({@code min_coverage_percent}, default 70) and where backups go off the host
 * ({@code backup_target}: an ssh, rsync, s3… URL, or a host:path).
 */
public record AssessmentSettings(int minCoveragePercent, Optional<String> backupTarget) {
    public static final AssessmentSettings DEFAULTS = new AssessmentSettings(Scoring.DEFAULT_MIN_COVERAGE,
            Optional.empty());

    /** The settings in {@code file}; the defaults when it is absent; an error naming the field when unusable. */
    public static AssessmentSettings load(Path file) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.readLenient(file);
        if (doc.isEmpty()) {
            return DEFAULTS;
        }
        Optional<JsonObject> o = JsonObject.of(file.toString(), doc.get()).optObject("assessment");
        if (o.isEmpty()) {
            return DEFAULTS;
        }
        Optional<Long> min = o.get().optLong("min_coverage_percent");
        if (min.isPresent() && (min.get() < 0 || min.get() > 100)) {
            throw o.get().error("min_coverage_percent", "must be between 0 and 100");
        }
        return new AssessmentSettings(min.map(Long::intValue).orElse(Scoring.DEFAULT_MIN_COVERAGE),
                o.get().optString("backup_target").filter(t -> !t.isBlank()));
    }
}
