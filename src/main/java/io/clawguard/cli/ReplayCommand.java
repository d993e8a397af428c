package io.clawguard.cli;

import io.clawguard.approval.VisibleText;
import io.clawguard.json.JsonValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clawguard replay ID}: plays a run's recording (asciicast v2, beside the audit log in
 * {@code recordings/}) in the terminal at its own pace, or faster. What a command printed is
 * not ClawGuard's to trust, so its control characters are written out, never obeyed, lines kept.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Play an approved run's recording (asciicast v2: asciinema play takes the same file) with its"
                + " timing; the command's output is shown with control characters written out.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "ID", description = "The run's request id (in its audit records).")
    String id;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "Play N times as fast (default 1).")
    double speed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!id.matches("[A-Za-z0-9-]{1,64}") || speed <= 0) {
            System.err.println("clawguard replay: the id is the run's request id (letters, digits, -), the speed > 0");
            return ExitCode.USAGE;
        }
        Path file = home.stateHome().auditLog().resolveSibling("recordings").resolve(id + ".cast");
        BufferedReader in;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("clawguard replay: no recording " + file);
            return ExitCode.AUDIT_LOG;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("clawguard replay: " + file + " is not a plain file");
            return ExitCode.AUDIT_LOG;
        }
        try (in) {
            if (!(JsonValues.parse(in.readLine()) instanceof Map<?, ?> header) || !Long.valueOf(2).equals(header.get("version"))) {
                throw CommandFailure.auditLog(file.toString(), file + " is not an asciicast v2 recording");
            }
            System.out.println("$ " + VisibleText.of(String.valueOf(header.get("command"))).text());
            double at = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!(JsonValues.parse(line) instanceof List<?> e) || e.size() != 3 || !(e.get(0) instanceof Number t)) {
                    continue;
                }
                long waitMillis = (long) ((t.doubleValue() - at) * 1000 / speed);
                at = t.doubleValue();
                if (waitMillis > 0) {
                    Thread.sleep(Math.min(waitMillis, 5_000));
                }
                String text = String.valueOf(e.get(2));
                switch (String.valueOf(e.get(1))) {
                    case "o" -> System.out.print(shown(text));
                    case "m" -> System.out.println("\n[" + VisibleText.of(text).text() + "]");
                    default -> { }
                }
                System.out.flush();
            }
        }
        return ExitCode.CLEAN;
    }

    /** Each line made visible on its own, the line breaks kept: output reads as it did, and obeys nothing. */
    static String shown(String text) {
        StringBuilder b = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            b.append(VisibleText.of(lines[i]).text());
            if (i < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString();
    }
}
