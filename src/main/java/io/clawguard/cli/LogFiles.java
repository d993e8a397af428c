package io.clawguard.cli;

import io.clawguard.files.AtomicFile;
import io.clawguard.files.PrivateDirectory;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.SimpleFormatter;

/**
 * Sends every log (SLF4J: ours and OSHI's; java.util.logging: libraries') to files under
 * {@code ~/.openclaw/logs}, never to the terminal, where it would corrupt the screen. Must
 * run before the first logger is created.
 */
final class LogFiles {
    private LogFiles() {
    }

    static void toFile(Path logFile) throws IOException {
        PrivateDirectory.create(logFile.getParent());
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
     * While the full screen is up, standard error and every uncaught exception go to the log
     * file next to {@code logFile}, never to the terminal, where they would paint over the screen
     * (a stack trace once drew a fake pending row). Returns the stream to put back afterwards.
     */
    static PrintStream captureErrors(Path logFile) throws IOException {
        Path file = logFile.resolveSibling("clawguard-stderr.log");
        // Created owner-only (no umask window); one left by an older version is narrowed too.
        OutputStream out = Channels.newOutputStream(FileChannel.open(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(AtomicFile.OWNER_ONLY)));
        Files.setPosixFilePermissions(file, AtomicFile.OWNER_ONLY);
        PrintStream previous = System.err;
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> org.slf4j.LoggerFactory.getLogger(LogFiles.class)
                .error("uncaught in thread {}", thread.getName(), e));
        return previous;
    }
}
