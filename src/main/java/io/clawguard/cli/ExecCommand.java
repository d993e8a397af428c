package io.clawguard.cli;

import io.clawguard.approval.BrokerClient;
import io.clawguard.approval.ElevationGate;
import io.clawguard.approval.ExecEnvironment;
import io.clawguard.approval.ExitCode;
import io.clawguard.approval.ExecOutcome;
import io.clawguard.approval.ExecRequest;
import io.clawguard.approval.GuardedExecution;
import io.clawguard.approval.Requester;
import io.clawguard.approval.ScrubbedProcessRunner;
import io.clawguard.approval.WireRequest;
import io.clawguard.bus.EventBus;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.policy.CommandValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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

    /**
     * Parses and runs {@code clawguard exec ARGS}. Parsing only, rather than picocli's
     * {@code execute}, skips its ANSI detection and handler set-up on the hot path; help,
     * version and usage errors (exit 2) behave the same.
     */
    static int run(String... args) {
        ExecCommand command = new ExecCommand();
        CommandLine cl = new CommandLine(command.spec).setCommandName("clawguard exec");
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            cl.usage(System.err, CommandLine.Help.Ansi.OFF);
            return ExitCode.USAGE;
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(System.out, CommandLine.Help.Ansi.OFF);
            return 0;
        }
        if (cl.isVersionHelpRequested()) {
            cl.printVersionHelp(System.out, CommandLine.Help.Ansi.OFF);
            return 0;
        }
        return command.call();
    }

    @Override
    public Integer call() {
        Integer timeoutMinutes = spec.findOption("--timeout-minutes").getValue();
        if (timeoutMinutes != null && timeoutMinutes < 1) {
            System.err.println("clawguard exec: --timeout-minutes must be at least 1");
            return ExitCode.USAGE;
        }
        List<String> argv = spec.positionalParameters().get(0).getValue();
        String reason = spec.findOption("--reason").getValue();
        boolean useSudo = spec.findOption("--use-sudo").getValue();
        boolean keep = spec.findOption("--keep-session").getValue();
        Map<String, String> env = System.getenv();
        ExecEnvironment seedEnv = ExecEnvironment.from(env);
        StateHome stateHome = HomeOption.stateHome(spec.findOption("--home").getValue());
        Path cwd = Path.of("").toAbsolutePath();
        ScrubbedProcessRunner runner = new ScrubbedProcessRunner(env);
        ExecOutcome outcome;
        Optional<BrokerClient> broker = BrokerClient.connect(stateHome.brokerSocket());
        if (broker.isPresent()) {
            try (BrokerClient client = broker.get()) {
                outcome = client.execute(WireRequest.encode(argv, reason, cwd, useSudo, keep, timeoutMinutes, seedEnv),
                        runner, cwd);
            } catch (IOException e) {
                outcome = ExecOutcome.refused(ExitCode.NO_APPROVER, "broker connection failed: " + e.getMessage());
            }
        } else {
            outcome = decideHere(stateHome, new ExecRequest(argv, reason, useSudo, keep,
                    timeoutMinutes == null ? null : Duration.ofMinutes(timeoutMinutes), cwd, seedEnv,
                    new Requester(ProcessIdentity.uid(), ProcessHandle.current().pid(), "clawguard")), runner);
        }
        if (outcome.message() != null) {
            System.err.println("clawguard exec: " + outcome.message());
        }
        return outcome.exitCode();
    }

    /**
     * No console is running: the rules are applied in this process, and only the terminal
     * fallback (where the admin enabled it) can approve; otherwise the request is refused.
     */
    private static ExecOutcome decideHere(StateHome home, ExecRequest request, ScrubbedProcessRunner runner) {
        int uid = request.requester().uid();
        ElevationGate gate = new ElevationGate(new ElevationGate.Dependencies(home, CommandValidator.onThisHost(),
                Clock.systemUTC(), new EventBus(), uid));
        return new GuardedExecution(gate, config -> new TerminalApprover(config, uid), runner).execute(request);
    }
}
