package io.clawguard.cli;

import io.clawguard.text.VisibleText;
import io.clawguard.audit.Recordings;
import java.io.IOException;
import java.nio.file.Path;
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
    public Integer call() throws IOException {
        if (speed <= 0) {
            System.err.println("clawguard replay: --speed must be more than 0");
            return ExitCode.USAGE;
        }
        Path file;
        try {
            file = Recordings.file(home.stateHome().auditLog(), id);
        } catch (IllegalArgumentException e) {
            System.err.println("clawguard replay: " + e.getMessage());
            return ExitCode.USAGE;
        }
        double[] at = {0};
        try {
            Recordings.read(file, new Recordings.Sink() {
                @Override
                public void command(String command) {
                    System.out.println("$ " + VisibleText.of(command).text());
                }

                @Override
                public void event(double seconds, String code, String text) throws IOException {
                    long waitMillis = (long) ((seconds - at[0]) * 1000 / speed);
                    at[0] = seconds;
                    if (waitMillis > 0) {
                        try {
                            Thread.sleep(Math.min(waitMillis, 5_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IOException("interrupted");
                        }
                    }
                    if (code.equals("o")) {
                        System.out.print(VisibleText.keepingLines(text));
                    } else if (code.equals("m")) {
                        System.out.println("\n[" + VisibleText.of(text).text() + "]");
                    }
                    System.out.flush();
                }
            });
        } catch (IOException e) {
            throw CommandFailure.auditLog(file.toString(), e.getMessage());
        }
        return ExitCode.CLEAN;
    }
}
