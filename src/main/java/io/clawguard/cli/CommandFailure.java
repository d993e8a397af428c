package io.clawguard.cli;

import io.clawguard.json.InvalidJsonFileException;

/**
 * Why a report command could not give its report, with the exit code of the contract
 * ({@link ExitCode}) and what names the trouble: a kind a script can test, and the file.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String kind;
    private final String file;

    private CommandFailure(int exitCode, String kind, String file, String message) {
        super(message);
        this.exitCode = exitCode;
        this.kind = kind;
        this.file = file;
    }

    static CommandFailure brokenConfig(InvalidJsonFileException e) {
        return new CommandFailure(ExitCode.BROKEN_CONFIG, "config", e.source(), e.getMessage());
    }

    static CommandFailure brokenConfig(String file, String message) {
        return new CommandFailure(ExitCode.BROKEN_CONFIG, "config", file, message);
    }

    static CommandFailure auditLog(String file, String message) {
        return new CommandFailure(ExitCode.AUDIT_LOG, "audit", file, message);
    }

    static CommandFailure insufficientEvidence(String message) {
        return new CommandFailure(ExitCode.INSUFFICIENT_EVIDENCE, "evidence", null, message);
    }

    int exitCode() {
        return exitCode;
    }

    String kind() {
        return kind;
    }

    String file() {
        return file;
    }
}
