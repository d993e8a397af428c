package io.clawguard.cli;

import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.StateHome;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How a command that fails says so: one line on stderr naming the command, and with
 * {@code --json} also an error object on stdout, so a pipeline never parses half a report.
 * The exit code follows {@link ExitCode}. An internal error's stack trace goes to the log
 * file, never to the terminal, and the line says where.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        ParseResult leaf = leaf(parsed);
        String name = cmd.getCommandSpec().qualifiedName();
        int code;
        String kind;
        String file;
        String message;
        if (ex instanceof CommandFailure f) {
            code = f.exitCode();
            kind = f.kind();
            file = f.file();
            message = f.getMessage();
        } else if (ex instanceof InvalidJsonFileException e) {
            code = ExitCode.BROKEN_CONFIG;
            kind = "config";
            file = e.source();
            message = e.getMessage();
        } else {
            code = ExitCode.INTERNAL;
            kind = "internal";
            file = ex instanceof FileSystemException fs ? fs.getFile() : null;
            Path log = logFileOf(leaf);
            message = shortMessage(ex) + " (" + logged(log, name, ex) + ")";
        }
        System.err.println(name + ": " + message);
        if (wantsJson(leaf)) {
            printJsonError(kind, file, message);
        }
        return code;
    }

    /** A usage error: picocli's message and how to get help, on stderr; exit 2. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        System.err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        System.err.println("Try " + cmd.getCommandSpec().qualifiedName() + " --help");
        if (Arrays.asList(args).contains("--json")) {
            printJsonError("usage", null, ex.getMessage());
        }
        return ExitCode.USAGE;
    }

    private static void printJsonError(String kind, String file, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("kind", kind);
        error.put("file", file);
        error.put("message", message);
        System.out.println(JsonValues.pretty(Map.of("error", error)));
    }

    private static String shortMessage(Exception ex) {
        if (ex instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String m = ex.getMessage();
        return ex.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static ParseResult leaf(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }

    /** {@code --json} as a flag, or as {@code --json -} (assess): the report was to be on stdout. */
    private static boolean wantsJson(ParseResult leaf) {
        OptionSpec o = leaf.matchedOption("--json");
        if (o == null) {
            return false;
        }
        Object v = o.getValue();
        return Boolean.TRUE.equals(v) || "-".equals(v);
    }

    private static Path logFileOf(ParseResult leaf) {
        if (leaf.hasMatchedOption("--system")) {
            return StateHome.SYSTEM.logFile();
        }
        return HomeOption.stateHome(leaf.matchedOptionValue("--home", null)).logFile();
    }

    /** Appends the stack trace to the log (owner-only, never through a symlink); says where, or why not. */
    private static String logged(Path log, String command, Exception ex) {
        try {
            PrivateDirectory.create(log.getParent());
            LogFiles.createPrivate(log);
            try (FileChannel ch = FileChannel.open(log, Set.of(StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)); OutputStream out = Channels.newOutputStream(ch);
                 PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                p.println(Instant.now() + " " + command + " failed:");
                ex.printStackTrace(p);
            }
            return "details in " + log;
        } catch (IOException | RuntimeException e) {
            return "the details could not be written to " + log + ": " + e.getMessage();
        }
    }
}
