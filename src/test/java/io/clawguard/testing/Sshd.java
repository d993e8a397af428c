package io.clawguard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server (Debian's openssh-server) on 127.0.0.1 and a free high port, with a
 * host key, an authorized key and a config of its own in a temp folder, and the ssh_config a
 * client needs to reach it (that key, that host key pinned, nothing asked). Killed with every
 * session it started, as a host that goes down.
 */
public final class Sshd implements AutoCloseable {
    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private final Path dir;
    private final int port;
    private final Path clientConfig;
    private Process process;

    private Sshd(Path dir, int port, Path clientConfig) {
        this.dir = dir;
        this.port = port;
        this.clientConfig = clientConfig;
    }

    public static Sshd start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        // Privilege separation needs this folder, which the package makes only when its service starts.
        Files.createDirectories(Path.of("/run/sshd"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path hostKey = dir.resolve("host_key");
        Path userKey = dir.resolve("user_key");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", userKey.toString());
        Path authorized = Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                + Files.readString(dir.resolve("host_key.pub")).strip() + "\n");
        Files.writeString(dir.resolve("sshd_config"), String.join("\n", "Port " + port, "ListenAddress 127.0.0.1",
                "HostKey " + hostKey, "AuthorizedKeysFile " + authorized, "PidFile " + dir.resolve("sshd.pid"),
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
                "PermitRootLogin yes", "StrictModes no", "UsePAM no", "LogLevel ERROR", ""));
        Path client = Files.writeString(dir.resolve("ssh_config"), String.join("\n", "Host 127.0.0.1",
                "  IdentityFile " + userKey, "  IdentitiesOnly yes", "  UserKnownHostsFile " + dir.resolve("known_hosts"),
                "  StrictHostKeyChecking yes", "  LogLevel ERROR", ""));
        Sshd sshd = new Sshd(dir, port, client);
        sshd.restart();
        return sshd;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + said);
        }
    }

    public int port() {
        return port;
    }

    /** The ssh_config a client uses to reach this server ({@code ssh -F}). */
    public Path clientConfig() {
        return clientConfig;
    }

    /** What sshd runs for {@code clawguard}: this build, as the launcher would start it. */
    public static Path remoteClawguard(Path dir) throws IOException {
        Path script = dir.resolve("remote-clawguard");
        Files.writeString(script, "#!/bin/sh\nexec " + ProcessHandle.current().info().command().orElse("java")
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path")
                + "' io.clawguard.cli.ClawGuard \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** A stand-in for clawguard on the far host that prints {@code json} whatever it is asked: a lying host. */
    public static Path lyingClawguard(Path dir, String json) throws IOException {
        Path script = dir.resolve("lying-clawguard");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' '" + json + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** The arguments of {@code clawguard assess} for one host named {@code name} behind this sshd. */
    public List<String> assessArgs(String name, Path remoteClawguard) {
        return List.of("assess", "--host", name + "=ssh://root@127.0.0.1:" + port(), "--ssh-config",
                clientConfig().toString(), "--remote-clawguard", remoteClawguard.toString());
    }

    /** One ssh_config that reaches every one of {@code servers}: all their keys, all their host keys pinned. */
    public static Path clientConfigFor(Path file, Sshd... servers) throws IOException {
        StringBuilder keys = new StringBuilder();
        StringBuilder known = new StringBuilder();
        for (Sshd s : servers) {
            keys.append("  IdentityFile ").append(s.dir.resolve("user_key")).append('\n');
            known.append(' ').append(s.dir.resolve("known_hosts"));
        }
        return Files.writeString(file, "Host 127.0.0.1\n" + keys + "  IdentitiesOnly yes\n  UserKnownHostsFile" + known
                + "\n  StrictHostKeyChecking yes\n  LogLevel ERROR\n");
    }

    /** Starts the server (again) and waits until it accepts connections. */
    public void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.out").toFile()).start();
        ServerStart.awaitTcp("sshd", process, port, dir.resolve("sshd.out"));
    }

    /** SIGKILL to the server and every session it started: the host is gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
