package io.clawguard.cli;

import io.clawguard.approval.ApproverFactory;
import io.clawguard.approval.ExecEnvironment;
import io.clawguard.approval.ExecOutcome;
import io.clawguard.approval.ExecRequest;
import io.clawguard.approval.GuardedExecution;
import io.clawguard.approval.ScrubbedProcessRunner;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.CommandValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code clawguard exec}: run one command with root rights, only once a human approved it.
 * Its picocli model is built in code rather than from annotations: reading annotations
 * reflectively costs this privileged hot path about 80 ms of start-up.
 */
final class ExecCommand implements Callable<Integer> {
    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

    ExecCommand() {
        spec.name("exec").version("clawguard 0.1.0");
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).arity("0")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).arity("0")
                .description("Print version information and exit.").build());
        spec.usageMessage().description(
                "Run a privileged command after explicit approval; scoped, short-lived and audited.",
                "Exit codes: 1 denied, 2 usage, 3 policy block, 4 second factor failed, 5 untrusted source"
                        + " not confirmed, 6 session id missing, 7 policy files missing or invalid, 8 invalid"
                        + " command, 9 invalid sudo binary, 10 no approver reachable, 11 approval timed out;"
                        + " otherwise the command's own exit code.");
        spec.addOption(OptionSpec.builder("--home").paramLabel("DIR").type(Path.class)
                .description(HomeOption.DESCRIPTION).build());
        spec.addOption(OptionSpec.builder("--reason").paramLabel("TEXT").type(String.class).required(true)
                .description("Why the command needs root; shown to the approver.").build());
        spec.addOption(OptionSpec.builder("--use-sudo").type(boolean.class).arity("0").defaultValue("false")
                .description("Run the command through sudo (OPENCLAW_REAL_SUDO, default /usr/bin/sudo).").build());
        spec.addOption(OptionSpec.builder("--keep-session").type(boolean.class).arity("0").defaultValue("false")
                .description("Ask to keep the elevation for this task session after the command.").build());
        spec.addOption(OptionSpec.builder("--timeout-minutes").paramLabel("N").type(Integer.class)
                .description("A shorter idle timeout for this session; never longer than clawguard.json's.").build());
        spec.addPositional(PositionalParamSpec.builder().paramLabel("CMD").arity("1..*").required(true).type(List.class)
                .auxiliaryTypes(String.class)
                .description("The absolute command and its arguments, after --.").build());
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        Integer timeoutMinutes = spec.findOption("--timeout-minutes").getValue();
        if (timeoutMinutes != null && timeoutMinutes < 1) {
            System.err.println("clawguard exec: --timeout-minutes must be at least 1");
            return 2;
        }
        List<String> argv = spec.positionalParameters().get(0).getValue();
        Map<String, String> env = System.getenv();
        StateHome stateHome = HomeOption.stateHome(spec.findOption("--home").getValue());
        int uid = ProcessIdentity.uid();
        ApproverFactory approvers = config -> new TerminalApprover(config, uid);
        GuardedExecution execution = new GuardedExecution(new GuardedExecution.Dependencies(
                stateHome, ExecEnvironment.from(env), CommandValidator.onThisHost(), approvers,
                new ScrubbedProcessRunner(env), Clock.systemUTC(),
                new GuardedExecution.Requester(uid, ProcessHandle.current().pid())));
        ExecOutcome outcome = execution.execute(new ExecRequest(argv, spec.findOption("--reason").getValue(),
                spec.findOption("--use-sudo").getValue(), spec.findOption("--keep-session").getValue(),
                timeoutMinutes == null ? null : Duration.ofMinutes(timeoutMinutes),
                Path.of("").toAbsolutePath()));
        if (outcome.message() != null) {
            System.err.println("clawguard exec: " + outcome.message());
        }
        return outcome.exitCode();
    }
}
