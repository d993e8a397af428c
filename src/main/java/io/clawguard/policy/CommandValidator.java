package io.clawguard.policy;

import io.clawguard.files.FileFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides whether a program may be run with root rights: the path is absolute, exists,
 * and it and every folder above it are owned by root and writable by nobody else, so no
 * unprivileged user could have placed or swapped it. Commands may not be setuid/setgid;
 * the sudo binary must be.
 */
public final class CommandValidator {
    /** Reads the facts about a path; tests pass a made-up one. */
    @FunctionalInterface
    public interface FactsReader {
        FileFacts read(Path path) throws IOException;
    }

    private final FactsReader facts;

    public CommandValidator(FactsReader facts) {
        this.facts = facts;
    }

    public static CommandValidator onThisHost() {
        return new CommandValidator(FileFacts::of);
    }

    /** Returns the resolved program path of a valid argv. */
    public Path validateCommand(List<String> argv) throws InvalidCommandException {
        if (argv.isEmpty()) {
            throw new InvalidCommandException("no command given");
        }
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                throw new InvalidCommandException("an argument contains a NUL byte");
            }
        }
        Path resolved = resolve(argv.get(0));
        FileFacts f = read(resolved);
        if ((f.mode() & (FileFacts.SETUID | FileFacts.SETGID)) != 0) {
            throw new InvalidCommandException(resolved + " is setuid or setgid (mode " + f.octalMode() + ")");
        }
        return resolved;
    }

    /** Checks the sudo binary the command would run through; setuid is expected there. */
    public Path validateSudo(String sudoPath) throws InvalidCommandException {
        return resolve(sudoPath);
    }

    private Path resolve(String program) throws InvalidCommandException {
        Path path;
        try {
            path = Path.of(program);
        } catch (InvalidPathException e) {
            throw new InvalidCommandException("not a path the file system can name: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            throw new InvalidCommandException("command path must be absolute: " + program);
        }
        Path resolved;
        try {
            resolved = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidCommandException("command not found: " + program);
        } catch (IOException e) {
            throw new InvalidCommandException("cannot resolve " + program + ": " + e.getMessage());
        }
        FileFacts f = read(resolved);
        if (!f.regularFile()) {
            throw new InvalidCommandException(resolved + " is not a regular file");
        }
        if ((f.mode() & FileFacts.ANY_EXECUTE) == 0 || !Files.isExecutable(resolved)) {
            throw new InvalidCommandException(resolved + " is not executable");
        }
        requireRootControlled(f, "");
        for (Path dir = resolved.getParent(); dir != null; dir = dir.getParent()) {
            requireRootControlled(read(dir), "folder ");
        }
        return resolved;
    }

    private static void requireRootControlled(FileFacts f, String what) throws InvalidCommandException {
        if (f.uid() != 0) {
            throw new InvalidCommandException(what + f.path() + " is owned by uid " + f.uid() + ", not root");
        }
        if (f.writableByGroupOrOther()) {
            throw new InvalidCommandException(what + f.path() + " is writable by group or others (mode "
                    + f.octalMode() + ")");
        }
    }

    private FileFacts read(Path path) throws InvalidCommandException {
        try {
            return facts.read(path);
        } catch (IOException e) {
            throw new InvalidCommandException("cannot inspect " + path + ": " + e.getMessage());
        }
    }
}
