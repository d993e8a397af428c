package io.clawguard.cli;

import picocli.CommandLine.Command;

/** {@code clawguard audit}: check and read the tamper-evident audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or read the audit log.",
        subcommands = {AuditVerifyCommand.class, AuditTailCommand.class, AuditArchiveCommand.class})
final class AuditCommand {
}
