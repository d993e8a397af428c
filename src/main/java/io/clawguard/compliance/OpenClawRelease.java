package io.clawguard.compliance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenClaw version as its release policy names them (docs.openclaw.ai/reference/RELEASING):
 * {@code YYYY.M.PATCH}, a correction {@code YYYY.M.PATCH-N}, a prerelease {@code YYYY.M.PATCH-beta.N}
 * (or {@code -alpha.N}), month and patch never zero-padded. Until the June 2026 process update the
 * third part was the day of release; since then it is the month's release-train number, so a
 * release is dated to its day before June 2026 and to the last day of its month after: the
 * newest it can be, so its age is never overstated.
 */
record OpenClawRelease(String version, LocalDate latestDate, boolean prerelease) {
    private static final Pattern FORMAT = Pattern.compile(
            "(20\\d\\d)\\.([1-9]|1[0-2])\\.(0|[1-9]\\d{0,2})(?:-([1-9]\\d{0,2})|-(beta|alpha)\\.([1-9]\\d{0,2}))?");
    private static final YearMonth TRAIN_NUMBERS_FROM = YearMonth.of(2026, 6);

    /** The release, or empty when the text is not an OpenClaw version or names no real day. */
    static Optional<OpenClawRelease> parse(String version) {
        Matcher m = FORMAT.matcher(version);
        if (!m.matches()) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        int third = Integer.parseInt(m.group(3));
        boolean prerelease = m.group(5) != null;
        if (!month.isBefore(TRAIN_NUMBERS_FROM)) {
            return Optional.of(new OpenClawRelease(version, month.atEndOfMonth(), prerelease));
        }
        try {
            return Optional.of(new OpenClawRelease(version, month.atDay(third), prerelease));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
