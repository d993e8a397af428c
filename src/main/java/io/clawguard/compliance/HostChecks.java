package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import io.clawguard.audit.AuditVerification;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private static CheckResult.Draft backups(Signals s) {
        boolean config = hasBackup(s.openclawDir(), "openclaw.json");
        boolean audit = hasBackup(s.home().dir(), "privileged-audit.jsonl")
                || hasBackup(s.openclawDir().resolve("backups"), "privileged-audit.jsonl");
        String evidence = "openclaw.json backup " + (config ? "found" : "not found") + ", audit log backup "
                + (audit ? "found" : "not found") + " (looked for NAME.bak* beside it and in " + s.openclawDir()
                .resolve("backups") + ")";
        if (config && audit) {
            return compliant("config and audit log are backed up", evidence);
        }
        String fix = "Copy openclaw.json and privileged-audit.jsonl to " + s.openclawDir().resolve("backups")
                + " on a schedule (and off the host).";
        return config || audit ? partial("only part is backed up", evidence, "one of the two has no backup", fix)
                : violation("no backups", evidence, "a lost or tampered config or log cannot be restored", fix);
    }

    /** A copy named NAME.bak… or NAME.backup… beside the file, or NAME in a backups folder. */
    private static boolean hasBackup(Path dir, String name) {
        if (Files.exists(dir.resolve("backups").resolve(name)) || dir.getFileName().toString().equals("backups")
                && Files.exists(dir.resolve(name))) {
            return true;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + ".{bak,backup}*")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
