package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The checks of OpenClaw's own settings (openclaw.json), and of how current OpenClaw is. */
final class OpenClawChecks {
    /** Within a quarter OpenClaw's fixes (it ships several releases a month) are still at hand. */
    static final long CURRENT_DAYS = 90;
    /** Past a year, months of security fixes are missing: no longer "kept current" in any sense. */
    static final long STALE_DAYS = 365;

    private OpenClawChecks() {
    }

    static List<Check> all() {
        return Stream.of(ChannelChecks.all(), GatewayChecks.all(), AgentToolChecks.all(),
                        List.of(OpenClawConfigCheck.of("update_hygiene", OpenClawChecks::version)))
                .flatMap(List::stream).toList();
    }

    /** meta.lastTouchedVersion: the OpenClaw that last wrote openclaw.json, as the doctor and every config write record it. */
    private static CheckResult.Draft version(Signals s, OpenClawSettings oc) {
        Optional<Object> recorded = oc.at("meta.lastTouchedVersion");
        String fix = "Update OpenClaw (openclaw update, or npm install -g openclaw@latest), then run openclaw doctor,"
                + " which records the version in " + oc.file() + ".";
        if (recorded.isEmpty()) {
            return partial("the OpenClaw version is not recorded", oc.file() + ": no meta.lastTouchedVersion",
                    "updates cannot be tracked", fix);
        }
        String shown = Evidence.value(recorded.get());
        Optional<OpenClawRelease> release = recorded.get() instanceof String v ? OpenClawRelease.parse(v) : Optional.empty();
        LocalDate today = s.now().atZone(ZoneOffset.UTC).toLocalDate();
        if (release.isEmpty() || release.get().latestDate().withDayOfMonth(1).isAfter(today)) {
            return error(oc.file().toString(), "meta.lastTouchedVersion = " + shown + " is not an OpenClaw release up to "
                    + today + " (YYYY.M.PATCH, -N or -beta.N)", fix);
        }
        OpenClawRelease r = release.get();
        long age = Math.max(0, ChronoUnit.DAYS.between(r.latestDate(), today));
        String observed = "OpenClaw " + r.version() + (r.prerelease() ? " (a prerelease)" : "") + ", released "
                + "at least " + age + " days before " + today;
        String evidence = oc.file() + ": meta.lastTouchedVersion = " + r.version() + " (dated " + r.latestDate()
                + " at the latest)";
        if (age <= CURRENT_DAYS) {
            return compliant(observed, evidence);
        }
        return age <= STALE_DAYS
                ? partial(observed, evidence, "older than " + CURRENT_DAYS + " days: recent fixes are missing", fix)
                : violation(observed, evidence, "older than a year: a year of security fixes is missing", fix);
    }
}
