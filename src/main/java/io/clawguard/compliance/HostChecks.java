package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.notApplicable;
import static io.clawguard.compliance.CheckResult.notAssessed;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.seeOther;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.audit.AuditVerification;
import io.clawguard.files.FileFacts;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checks of the host's files: the audit log, permissions and backups. */
final class HostChecks {
    private HostChecks() {
    }

    static List<Check> all() {
        return List.of(
                Check.of("audit_logging_privileged_actions", HostChecks::auditLog),
                Check.of("secrets_permissions_hardened", SecretsPermissions::judge),
                Check.of("backup_configured", HostChecks::backups));
    }

    private static CheckResult.Draft auditLog(Signals s) {
        AuditVerification v;
        try {
            v = s.audit();
        } catch (IOException e) {
            return violation("the audit log cannot be read", s.home().auditLog() + ": " + e.getMessage(),
                    "privileged actions cannot be reviewed", "Restore read access to the log (0600, owned by the admin).");
        }
        if (!v.intact()) {
            return violation("the audit chain is broken", v.badFile() + " line " + v.firstBadLine() + ": "
                    + v.problem(), "the log may have been edited", "Every privileged request is refused until this is"
                    + " resolved. Keep the files as evidence (clawguard audit verify names the file and line), find out"
                    + " who changed them, then stop the broker, move privileged-audit.jsonl* aside (segments, .head,"
                    + " .verified) and start it again: a new log begins.");
        }
        if (!Files.exists(s.home().auditLog())) {
            return partial("no privileged action recorded yet", s.home().auditLog() + " does not exist",
                    "nothing to review yet", "Nothing to fix: the log starts with the first request.");
        }
        return compliant("every privileged step is logged and the chain verifies", s.home().auditLog() + ": "
                + v.chainedRecords() + " chained records, intact");
    }

    /**
     * Backups count only off the host: a copy on the same disk dies with it. The config and the
     * audit log are covered by assessment.backup_target; the audit log also by syslog forwarding
     * (the collector keeps an off-host copy of every record).
     */
    private static CheckResult.Draft backups(Signals s) {
        boolean log = Files.exists(s.home().auditLog());
        boolean config = Files.exists(s.openclawConfigFile());
        if (!log && !config) {
            return notApplicable("nothing to back up yet", "neither " + s.home().auditLog() + " nor "
                    + s.openclawConfigFile() + " exists");
        }
        GuardConfig guard;
        try {
            guard = s.config();
        } catch (InvalidJsonFileException e) {
            return seeOther("elevation_timeout_30m", "clawguard.json cannot be used, so where backups go is unknown");
        }
        Optional<String> target = s.settings().backupTarget();
        Optional<String> notOff = target.flatMap(BackupTarget::whyNotOffHost);
        boolean offHost = target.isPresent() && notOff.isEmpty();
        Optional<String> syslogNot = guard.syslog() == null ? Optional.of("no syslog forwarding")
                : BackupTarget.local(guard.syslog().host());
        boolean logCovered = offHost || syslogNot.isEmpty();
        String evidence = s.home().config() + ": assessment.backup_target " + target.map(t -> "= "
                + Evidence.text(t) + notOff.map(w -> " (not off the host: " + w + ")").orElse(" (off the host)"))
                .orElse("not set") + "; syslog " + (guard.syslog() == null ? "not set" : "to "
                + guard.syslog().host() + syslogNot.map(w -> " (" + w + ")").orElse(" (an off-host copy of the audit log)"))
                + "; copies beside the files (NAME.bak) do not count: they share the disk";
        String fix = "Set \"assessment\": {\"backup_target\": \"ssh://backup@HOST/srv/clawguard\"} in "
                + s.home().config() + " and copy " + s.openclawConfigFile() + " and " + s.home().auditLog()
                + "* there on a schedule (a systemd timer running rsync); forwarding to syslog also keeps the"
                + " audit log off the host.";
        boolean configCovered = !config || offHost;
        boolean logOk = !log || logCovered;
        if (configCovered && logOk) {
            return compliant("backups are set to go off the host", evidence + "; that the copies run is not seen from"
                    + " here: the target keeps that evidence");
        }
        List<String> missing = new ArrayList<>();
        if (!configCovered) {
            missing.add("openclaw.json");
        }
        if (!logOk) {
            missing.add("the audit log");
        }
        boolean some = config && configCovered || log && logCovered;
        String why = notOff.map(w -> "backup_target " + w + "; ").orElse("");
        return some ? partial("no off-host copy of " + String.join(" or ", missing), evidence,
                why + "a lost disk loses " + String.join(" and ", missing), fix)
                : violation("no off-host backup", evidence, why + "a lost or tampered disk loses the config and the"
                + " audit trail with it", fix);
    }
}
