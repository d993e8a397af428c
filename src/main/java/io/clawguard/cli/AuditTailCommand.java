package io.clawguard.cli;

import io.clawguard.audit.AuditSegments;
import io.clawguard.audit.AuditTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard audit tail}: the newest audit records, one line each, optionally followed. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Show the newest audit records; exit 5 when there is no audit log (unless --follow, which waits"
                + " for it)."})
final class AuditTailCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = {"-n", "--lines"}, defaultValue = "20", description = "How many records (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing records as they are appended.")
    boolean follow;

    @Option(names = "--json", description = "Print the raw JSON lines.")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path log = home.stateHome().auditLog();
        if (!follow && !Files.exists(log, LinkOption.NOFOLLOW_LINKS) && AuditSegments.rotated(log).isEmpty()) {
            throw CommandFailure.auditLog(log.toString(), "no audit log at " + log);
        }
        AuditTail tail = new AuditTail(log);
        tail.last(Math.max(0, lines)).forEach(this::print);
        while (follow) {
            Thread.sleep(500);
            tail.appended().forEach(this::print);
        }
        return ExitCode.CLEAN;
    }

    private void print(String line) {
        System.out.println(json ? line : AuditLineFormat.format(line));
        System.out.flush();
    }
}
