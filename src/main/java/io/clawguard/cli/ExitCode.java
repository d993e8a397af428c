package io.clawguard.cli;

/**
 * The exit codes every report command keeps ({@code ports}, {@code egress}, {@code assess},
 * {@code audit verify}, {@code audit tail}, {@code status}, {@code preflight}), so cron jobs,
 * monitoring checks and CI can tell a finding from a broken configuration. {@code exec} keeps
 * its own documented codes.
 */
final class ExitCode {
    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INSUFFICIENT_EVIDENCE = 3;
    static final int BROKEN_CONFIG = 4;
    static final int AUDIT_LOG = 5;
    static final int INTERNAL = 6;

    /** The contract as --help shows it. */
    static final String[] TABLE = {
        "Exit codes of the report commands:",
        "  0  clean",
        "  1  findings or violations",
        "  2  usage",
        "  3  insufficient evidence",
        "  4  a configuration or rule file is broken (named on stderr)",
        "  5  the audit log is missing or does not verify",
        "  6  an internal error, with a short message and the log file's path",
        "Errors go to stderr; with --json an error is also {\"error\": {\"kind\", \"file\", \"message\"}} on stdout."};

    private ExitCode() {
    }
}
