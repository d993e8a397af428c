package io.clawguard.cli;

import io.clawguard.files.PrivateDirectory;
import java.io.IOException;
import java.nio.file.Path;
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
}
