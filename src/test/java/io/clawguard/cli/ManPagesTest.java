package io.clawguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The build writes a man page per command into target/man, and man(1) renders them. */
class ManPagesTest {
    private static final Path MAN = Path.of("target", "man");

    @Test
    void manRendersTheExecPageWithItsOptionsAndExitCodes() throws Exception {
        Process p = new ProcessBuilder("man", "-l", MAN.resolve("clawguard-exec.1").toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String page = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(page).isZero();
        assertThat(page.replaceAll(".\b", "")).contains("CLAWGUARD-EXEC(1)", "--reason", "--keep-session",
                "--timeout-minutes", "Exit codes: 1 denied");
    }

    @Test
    void everyCommandHasAPageAndExamplesInItsHelp() {
        List<String> missingPage = new ArrayList<>();
        List<String> missingExamples = new ArrayList<>();
        walk(ClawGuard.commandLine(), missingPage, missingExamples);
        assertThat(missingPage).isEmpty();
        assertThat(missingExamples).isEmpty();
    }

    private static void walk(CommandLine cl, List<String> missingPage, List<String> missingExamples) {
        String name = cl.getCommandSpec().qualifiedName();
        if (!Files.isRegularFile(MAN.resolve(name.replace(' ', '-') + ".1"))) {
            missingPage.add(name);
        }
        if (!name.equals("clawguard exec") && !cl.getUsageMessage().contains("Examples:")) {
            missingExamples.add(name);
        }
        cl.getSubcommands().values().forEach(c -> walk(c, missingPage, missingExamples));
    }
}
