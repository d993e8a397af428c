package io.clawguard.preflight;

import io.clawguard.audit.AuditVerification;
import io.clawguard.audit.AuditVerifier;
import io.clawguard.elevation.ElevationStore;
import io.clawguard.files.FileFacts;
import io.clawguard.files.StateHome;
import io.clawguard.hook.SudoShim;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import io.clawguard.policy.CommandPolicyFile;
import io.clawguard.policy.CommandValidator;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.InvalidCommandException;
import io.clawguard.policy.PromptPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that this host is ready for guarded privileged execution: the state folder, every
 * policy and state file, the audit chain, the sudo binary and the shim on the agent's PATH.
 */
public final class Preflight {
    private final StateHome home;
    private final int uid;
    private final String sudo;
    private final String agentPath;
    private final CommandValidator validator;

    public Preflight(StateHome home, int uid, String sudo, String agentPath, CommandValidator validator) {
        this.home = home;
        this.uid = uid;
        this.sudo = sudo;
        this.agentPath = agentPath;
        this.validator = validator;
    }

    public List<PreflightCheck> run() {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(stateFolder());
        checks.add(file("config", () -> {
            GuardConfig.load(home.config(), uid);
            return Files.exists(home.config()) ? "valid" : null;
        }, "absent: defaults in force (30 min idle timeout, no terminal fallback)"));
        checks.add(file("command-policy", () -> CommandPolicyFile.load(home.commandPolicy()).map(p -> "valid").orElse(null),
                "absent: no allow/deny filtering of privileged commands; copy references/templates/command-policy.template.json"));
        checks.add(file("prompt-policy", () -> PromptPolicy.load(home.promptPolicy()).map(p -> "valid").orElse(null),
                "absent: untrusted sources always need confirmation"));
        checks.add(file("approved-ports", () -> array(home.approvedPorts()),
                "absent: no port baseline yet (clawguard baseline generate)"));
        checks.add(file("egress-allowlist", () -> array(home.egressAllowlist()),
                "absent: every outbound destination will be flagged"));
        checks.add(file("elevation-state", () -> {
            new ElevationStore(home.elevationState()).read();
            return Files.exists(home.elevationState()) ? "valid" : null;
        }, "absent: normal mode"));
        checks.add(audit());
        checks.add(sudoBinary());
        checks.add(shim());
        return checks;
    }

    private PreflightCheck stateFolder() {
        try {
            FileFacts f = FileFacts.of(home.dir());
            if (!f.directory()) {
                return new PreflightCheck("state-folder", PreflightCheck.Status.FAIL, home.dir() + " is not a folder");
            }
            if ((f.mode() & 066) != 0) {
                return new PreflightCheck("state-folder", PreflightCheck.Status.FAIL, home.dir() + " has mode "
                        + f.octalMode() + "; run chmod 700 on it (the broker makes it 711 when other users may"
                        + " reach its sockets)");
            }
            return new PreflightCheck("state-folder", PreflightCheck.Status.OK, home.dir() + " (" + f.octalMode() + ")");
        } catch (IOException e) {
            return new PreflightCheck("state-folder", PreflightCheck.Status.WARN,
                    home.dir() + " does not exist yet; it is created 0700 on first use");
        }
    }

    /** Reads one file; null from {@code read} means absent. */
    @FunctionalInterface
    private interface FileRead {
        String read() throws InvalidJsonFileException;
    }

    private static PreflightCheck file(String name, FileRead read, String whenAbsent) {
        try {
            String state = read.read();
            return state == null ? new PreflightCheck(name, PreflightCheck.Status.WARN, whenAbsent)
                    : new PreflightCheck(name, PreflightCheck.Status.OK, state);
        } catch (InvalidJsonFileException e) {
            return new PreflightCheck(name, PreflightCheck.Status.FAIL, e.getMessage());
        }
    }

    private static String array(Path file) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.read(file);
        if (doc.isEmpty()) {
            return null;
        }
        return JsonObject.listOf(file.toString(), doc.get()).size() + " rules";
    }

    private PreflightCheck audit() {
        try {
            AuditVerification v = AuditVerifier.verify(home.auditLog());
            if (!v.intact()) {
                return new PreflightCheck("audit-chain", PreflightCheck.Status.FAIL,
                        "line " + v.firstBadLine() + ": " + v.problem());
            }
            return new PreflightCheck("audit-chain", PreflightCheck.Status.OK, v.chainedRecords() + " chained records"
                    + (v.legacyLines() > 0 ? ", " + v.legacyLines() + " legacy lines" : ""));
        } catch (IOException e) {
            return new PreflightCheck("audit-chain", PreflightCheck.Status.FAIL, "cannot read: " + e.getMessage());
        }
    }

    private PreflightCheck sudoBinary() {
        try {
            return new PreflightCheck("sudo-binary", PreflightCheck.Status.OK, validator.validateSudo(sudo).toString());
        } catch (InvalidCommandException e) {
            return new PreflightCheck("sudo-binary", PreflightCheck.Status.WARN,
                    e.getMessage() + " (only --use-sudo needs it)");
        }
    }

    private PreflightCheck shim() {
        SudoShim shim = new SudoShim(home.shimDir());
        try {
            if (!shim.installed()) {
                return new PreflightCheck("sudo-shim", PreflightCheck.Status.WARN,
                        "not installed: run clawguard hook install");
            }
        } catch (IOException e) {
            return new PreflightCheck("sudo-shim", PreflightCheck.Status.FAIL, "cannot read " + shim.path());
        }
        if (shim.firstOnPath(agentPath)) {
            return new PreflightCheck("sudo-shim", PreflightCheck.Status.OK, shim.path() + ", first sudo on PATH");
        }
        return new PreflightCheck("sudo-shim", PreflightCheck.Status.WARN, shim.path()
                + " installed but another sudo comes first on this PATH; put " + shim.path().getParent() + " first");
    }
}
