package io.clawguard.approval;

/**
 * What became of a run's recording: the asciicast file, its SHA-256 and size, whether it was cut
 * at the size limit; or the {@code no_record} rule that turned it off. {@link #NONE} for a runner
 * that records nothing (tests).
 */
public record Recording(String path, String sha256, long bytes, boolean truncated, String offByRule) {
    public static final Recording NONE = new Recording(null, null, 0, false, null);

    public static Recording off(String rule) {
        return new Recording(null, null, 0, false, rule);
    }
}
