package io.clawguard.cli;

import org.apache.commons.cli.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code exec} as picocli sees it, for the completion script and the man page only: exec
 * parses its own options (commons-cli, a tenth of picocli's start-up on the agent's hot path),
 * so its picocli model is made from those very options and cannot drift from them.
 */
final class ExecSpec {
    private ExecSpec() {
    }

    static CommandSpec create() {
        CommandSpec spec = CommandSpec.create().name("exec");
        spec.usageMessage()
                .description("Ask the broker to run one command as root once an admin approved it. The broker runs"
                        + " the command itself: the agent needs no sudo rights. Every step is audited, and exec relays"
                        + " the command's input, output and exit code.")
                .footerHeading("%n")
                .footer(ExecMain.EXIT_CODES);
        for (Option o : ExecMain.options().getOptions()) {
            OptionSpec.Builder b = o.getOpt() == null ? OptionSpec.builder("--" + o.getLongOpt())
                    : OptionSpec.builder("-" + o.getOpt(), "--" + o.getLongOpt());
            b.description(o.getDescription());
            if (o.hasArg()) {
                b.paramLabel(o.getArgName()).type(String.class).arity("1");
            } else {
                b.arity("0");
            }
            spec.addOption(b.build());
        }
        spec.addPositional(PositionalParamSpec.builder().paramLabel("COMMAND").arity("1..*").type(String.class)
                .description("The command and its arguments, after --: exactly what will run.").build());
        return spec;
    }
}
