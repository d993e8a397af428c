package io.clawguard.cli;

import io.clawguard.files.AtomicFile;
import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.ProcessIdentity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.SimpleFormatter;

/**
 * Sends every log (SLF4J: ours; java.util.logging: libraries') to files in the state folder's
 * {@code logs} (see {@link io.clawguard.files.StateHome#logFile()}), never to the terminal,
 * where it would corrupt the screen. The files are made owner-only and never through a
 * symlink, in a folder no one else can write: a log names commands and users. Must run before
 * the first logger is created.
 */
final class LogFiles {
    private LogFiles() {
    }

    static void toFile(Path logFile) throws IOException {
        Path folder = logFile.getParent();
        PrivateDirectory.create(folder);
        refuseSharedFolder(folder);
        // The loggers open these by name and append: made here first, owner-only, so they never widen.
        createPrivate(logFile);
        createPrivate(logFile.resolveSibling("clawguard-jul.log"));
        System.setProperty("org.slf4j.simpleLogger.logFile", logFile.toString());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        LogManager.getLogManager().reset();
        FileHandler jul = new FileHandler(logFile.resolveSibling("clawguard-jul.log").toString(), true);
        jul.setFormatter(new SimpleFormatter());
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(jul);
        root.setLevel(Level.INFO);
    }

    /**
     * Logs to files only where the log folder already exists: a report that must leave the host
     * as it found it ({@code assess}) creates no folder; without one it logs nothing rather than
     * to the terminal.
     */
    static void toFileIfFolderExists(Path logFile) throws IOException {
        if (Files.isDirectory(logFile.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            toFile(logFile);
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
        LogManager.getLogManager().reset();
    }

    /** A folder that is a symlink, someone else's, or writable by others could be swapped under the log. */
    private static void refuseSharedFolder(Path folder) throws IOException {
        PosixFileAttributes a = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int owner = ((Number) Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS)).intValue();
        Set<PosixFilePermission> p = a.permissions();
        if (a.isSymbolicLink() || !a.isDirectory() || (owner != ProcessIdentity.uid() && owner != 0)
                || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw CommandFailure.brokenConfig(folder.toString(), folder + ": the log folder must be a folder of this"
                    + " user's (or root's) that no one else can write; refusing to log there");
        }
    }

    /** Creates {@code file} owner-only if missing, never through a symlink; narrows one an older version left wider. */
    static void createPrivate(Path file) throws IOException {
        FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY)).close();
        Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY);
    }

    /**
     * While the full screen is up, standard error and every uncaught exception go to the log
     * file next to {@code logFile}, never to the terminal, where they would paint over the screen
     * (a stack trace once drew a fake pending row). Returns the stream to put back afterwards.
     */
    static PrintStream captureErrors(Path logFile) throws IOException {
        Path file = logFile.resolveSibling("clawguard-stderr.log");
        createPrivate(file);
        OutputStream out = Channels.newOutputStream(FileChannel.open(file, Set.of(StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)));
        PrintStream previous = System.err;
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> org.slf4j.LoggerFactory.getLogger(LogFiles.class)
                .error("uncaught in thread {}", thread.getName(), e));
        return previous;
    }
}
