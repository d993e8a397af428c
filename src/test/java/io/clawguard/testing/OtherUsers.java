package io.clawguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs programs of this test run as users that need not exist, through
 * {@code setpriv --reuid N --regid N --clear-groups}. Such a user cannot read this run's
 * dependency jars under {@code /root}, so they are copied once into a world-readable folder.
 */
public final class OtherUsers {
    private final Path lib;
    private final String classPath;

    /** Prepares {@code root} (made world-traversable) with a readable copy of the class path. */
    public OtherUsers(Path root) {
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            lib = Files.createDirectories(root.resolve("lib"));
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(":")) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p)) {
                    Path copy = lib.resolve(p.getFileName());
                    Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                    entries.add(copy.toString());
                } else {
                    entries.add(entry);
                }
            }
            Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
            classPath = String.join(":", entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder owned by {@code uid}, for it to work in. */
    public static Path ownedFolder(Path parent, String name, int uid) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", uid);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Starts {@code java MAIN ARGS} as {@code uid} in {@code cwd}; standard input stays open. */
    public Process java(int uid, Path cwd, Map<String, String> env, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid", Integer.toString(uid), "--regid",
                Integer.toString(uid), "--clear-groups", "--",
                ProcessHandle.current().info().command().orElse("java"), "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", classPath, main));
        cmd.addAll(List.of(args));
        return start(cmd, cwd, env);
    }

    /** Starts a program as {@code uid} in {@code cwd}. */
    public static Process run(int uid, Path cwd, Map<String, String> env, String... argv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid", Integer.toString(uid), "--regid",
                Integer.toString(uid), "--clear-groups", "--"));
        cmd.addAll(List.of(argv));
        return start(cmd, cwd, env);
    }

    private static Process start(List<String> cmd, Path cwd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("CLAWGUARD_HOME");
        pb.environment().keySet().removeIf(k -> k.startsWith("OPENCLAW_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    public String classPath() {
        return classPath;
    }
}
