package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.error;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * security_updates_applied: no security update pending (apt-get's simulation against the package
 * lists on disk, which are only as fresh as the last apt-get update: their date is in the
 * evidence) and unattended-upgrades installing them by itself.
 */
final class UpdatesCheck {
    private static final List<String> SIMULATE = List.of("apt-get", "-s", "-o", "Debug::NoLocking=true", "upgrade");
    /** Lists older than this miss a week of advisories: "nothing pending" then proves little. */
    private static final long STALE_DAYS = 7;
    private static final String LISTS = "/var/lib/apt/lists";
    private static final String CONF_D = "/etc/apt/apt.conf.d";
    /** apt's own Dir::Ignore-Files-Silently: these parts are never read. */
    private static final Pattern IGNORED = Pattern.compile(".*(~|\\.disabled|\\.bak|\\.dpkg-[a-z]+|\\.ucf-[a-z]+"
            + "|\\.save|\\.orig|\\.distUpgrade)$|.*[^A-Za-z0-9_.-].*");
    private static final Pattern SETTING = Pattern.compile("(?i)APT::Periodic::Unattended-Upgrade\\s+\"([^\"]*)\"");
    private static final String AUTO_FIX = "apt-get install unattended-upgrades, then in " + CONF_D
            + "/20auto-upgrades set APT::Periodic::Update-Package-Lists \"1\"; and APT::Periodic::Unattended-Upgrade"
            + " \"1\"; (dpkg-reconfigure -plow unattended-upgrades writes both).";

    private UpdatesCheck() {
    }

    static CheckResult.Draft evaluate(Signals s) throws IOException {
        Optional<HostFacts.ToolOutput> sim = s.host().run(SIMULATE);
        if (sim.isEmpty()) {
            return notAssessed("not a Debian/Ubuntu host: no apt-get", "no apt-get in /usr/sbin, /usr/bin, /sbin, /bin");
        }
        if (sim.get().exitCode() != 0) {
            return notAssessed("apt-get could not simulate an upgrade", String.join(" ", SIMULATE) + " exited "
                    + sim.get().exitCode() + ": " + Evidence.text(sim.get().stderr().strip()));
        }
        Optional<FileTime> lists = listsDate(s.host());
        if (lists.isEmpty()) {
            return notAssessed("no package lists: apt-get update never ran, so pending updates are unknown",
                    "no *_Packages file in " + LISTS);
        }
        List<String> pending = new ArrayList<>();
        for (String line : sim.get().stdout().split("\n")) {
            if (line.startsWith("Inst ") && (line.contains("Debian-Security") || line.contains("-security"))) {
                pending.add(line.split("\\s+")[1]);
            }
        }
        Auto auto = automation(s.host());
        if (auto.problem() != null) {
            return error(auto.where(), auto.problem(), AUTO_FIX);
        }
        String evidence = String.join(" ", SIMULATE) + ": " + pending.size() + " security update(s) pending"
                + (pending.isEmpty() ? "" : " (" + Evidence.text(String.join(", ",
                pending.subList(0, Math.min(10, pending.size())))) + (pending.size() > 10 ? ", …" : "") + ")")
                + " per the package lists of " + lists.get() + "; " + auto.evidence();
        String install = "apt-get update && apt-get upgrade (or unattended-upgrade -v).";
        long age = Duration.between(lists.get().toInstant(), Instant.now()).toDays();
        if (pending.isEmpty() && auto.on() && age > STALE_DAYS) {
            return partial("no security update pending per package lists " + age + " days old", evidence,
                    "updates published since the last apt-get update are not counted", "apt-get update, then assess"
                            + " again; keep APT::Periodic::Update-Package-Lists \"1\" in " + CONF_D + "/20auto-upgrades.");
        }
        if (pending.isEmpty() && auto.on()) {
            return compliant("no security update pending; unattended-upgrades installs them", evidence);
        }
        if (auto.on()) {
            return partial(pending.size() + " security update(s) pending; unattended-upgrades is on", evidence,
                    "known vulnerabilities stay open until its next run", install);
        }
        return pending.isEmpty()
                ? partial("no security update pending" + (age > STALE_DAYS ? " per package lists " + age + " days old"
                : "") + ", but none is installed automatically", evidence,
                "the next advisory waits for someone to remember", AUTO_FIX)
                : violation(pending.size() + " security update(s) pending and no automatic updates", evidence,
                "known vulnerabilities stay open", install + " Then " + AUTO_FIX);
    }

    private record Auto(boolean on, String evidence, String where, String problem) {
    }

    /**
     * unattended-upgrades installed and APT::Periodic::Unattended-Upgrade above 0, as apt reads it:
     * the parts of apt.conf.d in name order, then apt.conf, the last value winning.
     */
    private static Auto automation(HostFacts host) throws IOException {
        boolean installed = Files.exists(host.path("/usr/bin/unattended-upgrade"));
        List<String> files = new ArrayList<>();
        for (String f : HostFile.list(host, CONF_D, "*")) {
            if (!IGNORED.matcher(Path.of(f).getFileName().toString()).matches()) {
                files.add(f);
            }
        }
        files.add("/etc/apt/apt.conf");
        String value = null;
        String where = CONF_D;
        for (String f : files) {
            Optional<String> text = HostFile.read(host, f);
            if (text.isPresent()) {
                Matcher m = SETTING.matcher(text.get().replaceAll("(?s)/\\*.*?\\*/", "")
                        .replaceAll("(?m)^\\s*(//|#).*$", ""));
                while (m.find()) {
                    value = m.group(1);
                    where = f;
                }
            }
        }
        if (value != null && !value.strip().matches("\\d{1,6}")) {
            return new Auto(false, "", where, "APT::Periodic::Unattended-Upgrade is "
                    + Evidence.text(value) + ", not a number of days");
        }
        boolean enabled = value != null && Integer.parseInt(value.strip()) > 0;
        String evidence = "/usr/bin/unattended-upgrade " + (installed ? "installed" : "not installed")
                + ", APT::Periodic::Unattended-Upgrade " + (value == null ? "not set (off)" : "\"" + value + "\" ("
                + where + ")");
        return new Auto(installed && enabled, evidence, where, null);
    }

    /** When apt-get update last fetched a package list; empty when there is none (nothing to compare with). */
    private static Optional<FileTime> listsDate(HostFacts host) throws IOException {
        FileTime newest = null;
        for (String f : HostFile.list(host, LISTS, "*_Packages*")) {
            FileTime t = Files.getLastModifiedTime(host.path(f));
            newest = newest == null || t.compareTo(newest) > 0 ? t : newest;
        }
        return Optional.ofNullable(newest);
    }
}
