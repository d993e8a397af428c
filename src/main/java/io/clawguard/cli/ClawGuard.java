package io.clawguard.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clawguard} command line: the composition root that wires every layer. */
@Command(name = "clawguard", mixinStandardHelpOptions = true, version = "clawguard 0.1.0",
        description = "Privilege-governance console for hosts that run the OpenClaw agent runtime.",
        subcommands = {ConsoleCommand.class, AuditCommand.class, StatusCommand.class, PreflightCommand.class, TotpCommand.class, PortsCommand.class, EgressCommand.class, BaselineCommand.class, AssessCommand.class,
                HookCommand.class, CommandLine.HelpCommand.class})
public final class ClawGuard {
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs one command line. {@code exec} is parsed on its own: it is the privileged hot path,
     * and building every other command's model first would cost it a third of its start-up.
     */
    static int execute(String... args) {
        if (args.length > 0 && args[0].equals("exec")) {
            ExecWarmUp.start();
            return ExecCommand.run(Arrays.copyOfRange(args, 1, args.length));
        }
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ClawGuard());
        cl.addSubcommand("exec", new CommandLine(new ExecCommand().spec()));
        return cl;
    }
}
