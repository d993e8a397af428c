package io.clawguard.approval;

import io.clawguard.audit.AuditAction;
import io.clawguard.audit.AuditFields;
import io.clawguard.elevation.CommandBinding;
import io.clawguard.files.FileIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.files.UserDatabase;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.CommandPolicy;
import io.clawguard.policy.CommandPolicyFile;
import io.clawguard.policy.CommandValidator;
import io.clawguard.policy.InterpreterTable;
import io.clawguard.policy.InterpreterUse;
import io.clawguard.policy.GuardConfig;
import io.clawguard.policy.InvalidCommandException;
import io.clawguard.policy.PolicyVerdict;
import io.clawguard.policy.PromptPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks a privileged request passes before any human is asked, in order: settings,
 * task session id, policy files, the command, the sudo binary, the command policy; then what the
 * argv hands an interpreter ({@code references/interpreters.json}), with each script argument
 * bound by content. Each refusal is audited and carries its exit code.
 */
final class RequestScreening {
    private final StateHome home;
    private final CommandValidator validator;
    private final AuditTrail audit;
    private final int ownUid;
    private final Path passwd;
    private final InterpreterTable interpreters = InterpreterTable.builtIn();
    private final ScriptReader scripts;

    /**
     * {@code ownUid} is the broker's uid: the admin files must be its own (or root's), and a
     * broker that is root runs commands itself, without sudo.
     */
    RequestScreening(StateHome home, CommandValidator validator, AuditTrail audit, int ownUid, Path passwd,
                     ScriptReader scripts) {
        this.home = home;
        this.validator = validator;
        this.audit = audit;
        this.ownUid = ownUid;
        this.passwd = passwd;
        this.scripts = scripts;
    }

    ScreenedRequest screen(ExecRequest req) throws RefusedException, IOException {
        GuardConfig config = loadConfig(req);
        ExecEnvironment env = req.env().tightenedBy(config.requireSessionId(), config.requirePolicyFiles(),
                config.untrustedSource());
        if (env.requireSessionId() && env.sessionId() == null) {
            audit.append(AuditAction.SESSION_ID_MISSING, fields(req));
            throw new RefusedException(ExitCode.SESSION_ID_MISSING,
                    "OPENCLAW_REQUIRE_SESSION_ID=1 but OPENCLAW_TASK_SESSION_ID is not set");
        }
        CommandPolicy policy = loadPolicies(req, env);
        PromptPolicy prompt = loadPromptPolicy(req);
        Path resolved = validateCommand(req);
        FileIdentity binary = identity(req, resolved);
        PolicyVerdict verdict = policy.evaluate(req.argv(), resolved.toString());
        if (!verdict.allowed()) {
            audit.append(AuditAction.POLICY_BLOCK, fields(req).reason(verdict.reason()).pattern(verdict.rule()));
            throw new RefusedException(ExitCode.POLICY_BLOCKED, "blocked by " + home.commandPolicy()
                    + ": the command " + verdict.describe());
        }
        RunAs runAs = runAs(req, policy.runAsFor(req.argv(), resolved.toString()));
        List<String> runArgv = runArgv(req, resolved, runAs);
        CommandBinding binding = new CommandBinding(req.argv(), resolved.toString(), req.cwd().toString(),
                env.sessionId(), req.requester().uid(), binary.toString(), req.cwdId().toString());
        InterpreterUse use = interpreters.read(req.argv(), resolved.toString());
        return new ScreenedRequest(binding, runArgv, binary, runAs, runsAs(req, runAs), config, prompt,
                policy.needsTwoPersons(req.argv(), resolved.toString()) ? 2 : 1, env, use, bind(req, use, runAs), policy);
    }

    /** The script arguments bound by content; a script that cannot be bound refuses the request. */
    private List<BoundScript> bind(ExecRequest req, InterpreterUse use, RunAs runAs) throws RefusedException, IOException {
        if (use.scripts().isEmpty()) {
            return List.of();
        }
        if (runAs != null) {
            // The copy lives in the broker's own spool, which only the broker's user can read.
            audit.append(AuditAction.COMMAND_INVALID, fields(req).error("script_needs_broker_user"));
            throw new RefusedException(ExitCode.INVALID_COMMAND, "a script argument is bound by content only for a"
                    + " command that runs as the broker's own user, not under a run_as rule");
        }
        try {
            return ScriptBinding.bind(use, req, RequesterGroups.of(req.requester()), scripts);
        } catch (IOException e) {
            audit.append(AuditAction.COMMAND_INVALID, fields(req).error(e.getMessage()));
            throw new RefusedException(ExitCode.INVALID_COMMAND, "refused: " + e.getMessage());
        }
    }

    /** The account a {@code run_as} rule names; a name the passwd file does not know is a broken policy. */
    private RunAs runAs(ExecRequest req, Optional<String> user) throws RefusedException, IOException {
        if (user.isEmpty()) {
            return null;
        }
        UserDatabase.Account a = UserDatabase.account(user.get(), readPasswd());
        if (a != null) {
            return new RunAs(a.name(), a.uid(), a.gid(), a.home(), true);
        }
        if (user.get().matches("\\d{1,9}")) {
            int uid = Integer.parseInt(user.get());
            return new RunAs("uid " + uid, uid, uid, "/", false);
        }
        throw invalidFile(req, new InvalidJsonFileException(home.commandPolicy().toString(),
                "run_as names the user \"" + user.get() + "\", which is not in " + passwd));
    }

    private List<String> readPasswd() throws IOException {
        return Files.exists(passwd) ? Files.readAllLines(passwd) : List.of();
    }

    /** Who the command will run as, for the admin to read: never a guess. */
    private String runsAs(ExecRequest req, RunAs runAs) throws IOException {
        if (ownUid == 0 || req.useSudo()) {
            return runAs == null ? "root" : runAs.user();
        }
        String own = UserDatabase.nameOf(ownUid, readPasswd());
        return (own == null ? "uid " + ownUid : own) + " (this broker's own user, not root)";
    }

    /**
     * What the broker starts: the resolved program (never the name the requester gave, which a
     * swapped symlink could point elsewhere), through sudo only where a broker that is not root
     * was asked to use it. A root broker needs no sudo, so there the flag changes nothing.
     */
    private List<String> runArgv(ExecRequest req, Path resolved, RunAs runAs) throws RefusedException, IOException {
        List<String> argv = new ArrayList<>(req.argv());
        argv.set(0, resolved.toString());
        if (ownUid == 0) {
            return argv;
        }
        if (!req.useSudo()) {
            if (runAs != null && runAs.uid() != ownUid) {
                audit.append(AuditAction.POLICY_BLOCK, fields(req).reason("run_as_needs_root").runAs(runAs.user()));
                throw new RefusedException(ExitCode.POLICY_BLOCKED, "the policy runs this command as " + runAs.user()
                        + ", which a broker that is not root can only do through sudo (--use-sudo)");
            }
            return argv;
        }
        List<String> sudo = new ArrayList<>(List.of(validateSudo(req).toString(), "-n"));
        if (runAs != null) {
            sudo.addAll(List.of("-u", "#" + runAs.uid()));
        }
        sudo.add("--");
        sudo.addAll(argv);
        return sudo;
    }

    private FileIdentity identity(ExecRequest req, Path resolved) throws RefusedException, IOException {
        try {
            return FileIdentity.of(resolved);
        } catch (IOException e) {
            audit.append(AuditAction.COMMAND_INVALID, fields(req).error(e.getMessage()));
            throw new RefusedException(ExitCode.INVALID_COMMAND, "invalid command: cannot inspect " + resolved);
        }
    }

    private GuardConfig loadConfig(ExecRequest req) throws RefusedException, IOException {
        try {
            return GuardConfig.load(home.config(), ownUid);
        } catch (InvalidJsonFileException e) {
            throw invalidFile(req, e);
        }
    }

    /**
     * The command policy; with {@code OPENCLAW_REQUIRE_POLICY_FILES=1}, the seed's required
     * files (command policy, approved ports, egress allow-list) must all exist.
     */
    private CommandPolicy loadPolicies(ExecRequest req, ExecEnvironment env) throws RefusedException, IOException {
        Optional<CommandPolicy> policy;
        try {
            policy = CommandPolicyFile.load(home.commandPolicy());
        } catch (InvalidJsonFileException e) {
            throw invalidFile(req, e);
        }
        if (env.requirePolicyFiles()) {
            List<String> missing = new ArrayList<>();
            for (Path required : List.of(home.commandPolicy(), home.approvedPorts(), home.egressAllowlist())) {
                if (!Files.exists(required)) {
                    missing.add(required.toString());
                }
            }
            if (!missing.isEmpty()) {
                audit.append(AuditAction.POLICY_FILES_MISSING, fields(req).missing(missing));
                throw new RefusedException(ExitCode.POLICY_FILES_MISSING,
                        "OPENCLAW_REQUIRE_POLICY_FILES=1 but these policy files are missing: " + String.join(", ", missing));
            }
        }
        return policy.orElse(CommandPolicy.NONE);
    }

    private PromptPolicy loadPromptPolicy(ExecRequest req) throws RefusedException, IOException {
        try {
            return PromptPolicy.load(home.promptPolicy()).orElse(PromptPolicy.DEFAULT);
        } catch (InvalidJsonFileException e) {
            throw invalidFile(req, e);
        }
    }

    private RefusedException invalidFile(ExecRequest req, InvalidJsonFileException e) throws IOException {
        audit.append(AuditAction.POLICY_FILE_INVALID, fields(req).file(e.source()).error(e.getMessage()));
        return new RefusedException(ExitCode.POLICY_FILES_MISSING, e.getMessage()
                + " (privileged execution is refused until the file is fixed)");
    }

    private Path validateCommand(ExecRequest req) throws RefusedException, IOException {
        try {
            return validator.validateCommand(req.argv());
        } catch (InvalidCommandException e) {
            audit.append(AuditAction.COMMAND_INVALID, fields(req).error(e.getMessage()));
            throw new RefusedException(ExitCode.INVALID_COMMAND, "invalid command: " + e.getMessage());
        }
    }

    private Path validateSudo(ExecRequest req) throws RefusedException, IOException {
        String realSudo = req.env().realSudo();
        try {
            return validator.validateSudo(realSudo);
        } catch (InvalidCommandException e) {
            audit.append(AuditAction.SUDO_BINARY_INVALID, fields(req).sudo(realSudo).error(e.getMessage()));
            throw new RefusedException(ExitCode.INVALID_SUDO, "invalid sudo binary: " + e.getMessage());
        }
    }

    private static AuditFields fields(ExecRequest req) {
        return AuditFields.fields().argv(req.argv()).reason(req.reason()).sessionId(req.env().sessionId())
                .requester(req.requester().uid(), req.requester().pid());
    }
}
