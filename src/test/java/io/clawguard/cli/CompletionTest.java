package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clawguard.testing.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced in an interactive bash under tmux, completes as a person would see it. */
class CompletionTest {
    @TempDir
    Path tmp;

    @Test
    void clawguardAsTabCompletesToAssessInAnInteractiveBash() throws Exception {
        CliProcess.Result script = CliProcess.run(tmp, Map.of(), "", "completion", "bash");
        assertThat(script.exitCode()).as(script.stderr()).isZero();
        Path file = Files.writeString(tmp.resolve("clawguard.bash"), script.stdout());
        String session = "cg-completion-" + ProcessHandle.current().pid();
        run("tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "20", "env -i TERM=xterm HOME=" + tmp
                + " PS1='$ ' bash --norc --noprofile -i");
        try {
            run("tmux", "send-keys", "-t", session, "source " + file, "Enter");
            Thread.sleep(300);
            run("tmux", "send-keys", "-t", session, "clawguard as", "Tab");
            String screen = "";
            for (int i = 0; i < 50 && !screen.contains("clawguard assess"); i++) {
                Thread.sleep(100);
                screen = capture(session);
            }
            assertThat(screen).contains("$ clawguard assess");
        } finally {
            new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
        }
    }

    @Test
    void zshGetsTheSameScriptThroughItsBashLayer() {
        CliProcess.Result r = CliProcess.run(tmp, Map.of(), "", "completion", "zsh");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .contains("complete -F _complete_clawguard");
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + said).isZero();
    }

    private static String capture(String session) throws Exception {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-t", session, "-p").start();
        String screen = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return screen;
    }
}
