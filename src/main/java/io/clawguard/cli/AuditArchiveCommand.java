package io.clawguard.cli;

import io.clawguard.audit.AuditArchive;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.forward.SyslogForwarder;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code clawguard audit archive}: moves the oldest rotated segments out, leaving a series that still verifies. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "Move rotated audit segments up to and including N out of the log's folder (retention). Only an"
                + " intact series is archived; what is left still verifies, and the chain records the archive.")
final class AuditArchiveCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--through", paramLabel = "N", required = true, description = "The newest segment to move out.")
    long through;

    @Option(names = "--to", paramLabel = "DIR",
            description = "Where to (default: privileged-audit.archive beside the log, created owner-only).")
    Path to;

    @Override
    public Integer call() throws IOException {
        StateHome h = home.stateHome();
        Path into = to != null ? to : h.auditLog().resolveSibling("privileged-audit.archive");
        try {
            GuardConfig config = GuardConfig.load(h.config(), ProcessIdentity.uid());
            long forwarded = config.syslog() == null ? Long.MAX_VALUE : SyslogForwarder.confirmedThrough(h.auditLog());
            AuditArchive.Result r = AuditArchive.archive(h.auditLog(), through, into, AuditWriter.of(h, Clock.systemUTC()),
                    forwarded);
            System.out.println("archived " + r.segments() + " segments (records up to seq " + r.throughSeq() + ") into "
                    + r.into());
            return 0;
        } catch (IOException e) {
            System.err.println("clawguard audit archive: " + e.getMessage());
            return 1;
        } catch (InvalidJsonFileException e) {
            System.err.println("clawguard audit archive: " + e.getMessage());
            return 4;
        }
    }
}
