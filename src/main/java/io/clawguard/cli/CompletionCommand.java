package io.clawguard.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clawguard completion bash|zsh}: the completion script picocli's {@link AutoComplete}
 * makes from the command model, so it lists exactly the commands and options this build has.
 * zsh runs the same script through its bash-compatibility layer.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script for bash or zsh.")
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        String script = AutoComplete.bash("clawguard", spec.root().commandLine());
        if (shell == Shell.zsh) {
            System.out.println("autoload -U +X compinit && compinit");
            System.out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        System.out.print(script);
        return ExitCode.CLEAN;
    }
}
