package io.clawguard.cli;

import io.clawguard.Product;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code clawguard} command line: the composition root that wires every layer. */
@Command(name = "clawguard", mixinStandardHelpOptions = true, version = "clawguard " + Product.VERSION,
        description = "Privilege-governance console for hosts that run the OpenClaw agent runtime.",
        subcommands = {ConsoleCommand.class, BrokerCommand.class, ServiceCommand.class, AuditCommand.class,
                StatusCommand.class, PreflightCommand.class, TotpCommand.class, PortsCommand.class, EgressCommand.class,
                BaselineCommand.class, AssessCommand.class, HookCommand.class, AttachCommand.class,
                CompletionCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class})
public final class ClawGuard {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs one command line. {@code exec} is the agent's hot path and a thin client with a
     * parser of its own, so it never builds picocli's model of the other commands.
     */
    static int execute(String... args) {
        if (args.length > 0 && args[0].equals("exec")) {
            return ExecMain.run(Arrays.copyOfRange(args, 1, args.length));
        }
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ClawGuard());
        FailureHandler failures = new FailureHandler();
        cl.setExecutionExceptionHandler(failures);
        cl.setParameterExceptionHandler(failures);
        CommandSpec exec = ExecSpec.create();
        cl.addSubcommand("exec", exec);
        HelpFooters.apply(cl);
        return cl;
    }
}
