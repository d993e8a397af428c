package io.clawguard.compliance;

import io.clawguard.files.StateHome;
import io.clawguard.hook.SudoShim;
import io.clawguard.monitor.Connection;
import io.clawguard.monitor.EgressEvaluator;
import io.clawguard.monitor.HostResolver;
import io.clawguard.monitor.ListeningSocket;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.monitor.PortEvaluator;
import io.clawguard.monitor.Protocol;
import io.clawguard.monitor.SocketSnapshot;
import io.clawguard.testing.TestHomes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * A home folder and host facts made up for one check case: OpenClaw's folder beside the state
 * folder, a host tree ({@code host/}: its etc, proc, sys) read in place of "/", canned tool
 * outputs, and files marked unreadable as a root-only file is to another user.
 */
final class PreparedHome implements HostFacts {
    /** The instant every prepared assessment runs at. */
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    final StateHome home;
    final Path openclawDir;
    final Path hostRoot;
    final Map<String, ToolOutput> tools = new HashMap<>();
    final Set<String> unreadable = new HashSet<>();
    boolean root = true;
    boolean broker;
    List<ListeningSocket> listening = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    boolean scanned = true;

    PreparedHome(Path root) {
        home = TestHomes.under(root);
        openclawDir = root.resolve(".openclaw");
        hostRoot = root.resolve("host");
    }

    /** A file of the made-up host ("/etc/ssh/sshd_config"). */
    PreparedHome hostFile(String absolute, String text) {
        return file(path(absolute), text);
    }

    /** What {@code argv} prints and how it exits on the made-up host; a tool not given is not installed. */
    PreparedHome tool(String argv, int exitCode, String stdout) {
        tools.put(argv, new ToolOutput(exitCode, stdout, ""));
        return this;
    }

    PreparedHome file(Path file, String text) {
        TestHomes.write(file, text);
        return this;
    }

    /** clawguard.json with these settings, written by Jackson. */
    PreparedHome config(Map<String, Object> settings) {
        try {
            return file(home.config(), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PreparedHome openclaw(String json5) {
        return file(openclawDir.resolve("openclaw.json"), json5);
    }

    PreparedHome shim() {
        try {
            new SudoShim(home.shimDir()).install(List.of("/usr/bin/true"), home.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A PATH with the shim's folder and another sudo's (as a system sudo in /usr/bin would be), the shim first or not. */
    String pathWithShim(boolean shimFirst) {
        Path other = openclawDir.resolve("other-bin");
        file(other.resolve("sudo"), "#!/bin/sh\n").mode(other.resolve("sudo"), "rwx------");
        return shimFirst ? home.shimDir() + ":" + other : other + ":" + home.shimDir();
    }

    /** The made-up host's accounts: root, admin (1000, in sudo), agent (1001) and the usual groups. */
    PreparedHome accounts() {
        return hostFile("/etc/passwd", """
                root:x:0:0:root:/root:/bin/bash
                admin:x:1000:1000:Admin:/home/admin:/bin/bash
                agent:x:1001:1001:OpenClaw:/home/agent:/bin/bash
                deploy:x:1002:1002::/home/deploy:/bin/sh
                """).hostFile("/etc/group", """
                root:x:0:
                adm:x:4:admin
                sudo:x:27:admin
                docker:x:999:
                admin:x:1000:
                agent:x:1001:
                deploy:x:1002:
                """);
    }

    /** An OpenClaw gateway of {@code uid} as it runs: node on openclaw.mjs, with {@code env} (NAME=VALUE). */
    PreparedHome gateway(int pid, int uid, String... env) {
        return process(pid, uid, "/usr/bin/node", List.of("node", "/usr/lib/node_modules/openclaw/openclaw.mjs",
                "gateway", "--port", "18789"), env);
    }

    /** A process of the made-up host: /proc/PID/exe (a link), cmdline and environ (NUL-separated), status. */
    PreparedHome process(int pid, int uid, String exe, List<String> argv, String... env) {
        Path dir = path("/proc/" + pid);
        hostFile("/proc/" + pid + "/cmdline", String.join("\0", argv) + "\0");
        hostFile("/proc/" + pid + "/environ", String.join("\0", env) + (env.length == 0 ? "" : "\0"));
        hostFile("/proc/" + pid + "/status", "Name:\tx\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid
                + "\nGid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGroups:\t\n");
        try {
            Files.createSymbolicLink(dir.resolve("exe"), Path.of(exe));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A symlink, as the agent may leave one where a check looks. */
    static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PreparedHome mode(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static ListeningSocket listener(String bind, int port, String process) {
        try {
            return new ListeningSocket(Protocol.TCP, InetAddress.getByName(bind), port, 10, process, "root", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Connection outbound(String remote, int port, String process) {
        try {
            return new Connection(Protocol.TCP, InetAddress.getByName("10.0.0.5"), 50000, InetAddress.getByName(remote),
                    port, 20, process, "agent", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Signals signals() throws Exception {
        Optional<NetworkScan> scan = Optional.empty();
        if (scanned) {
            NetworkScan.RuleCache rules = new NetworkScan.RuleCache();
            rules.reload(home);
            HostResolver none = new HostResolver() {
                @Override
                public List<InetAddress> addresses(String host) {
                    return List.of();
                }

                @Override
                public Optional<String> name(InetAddress address) {
                    return Optional.empty();
                }
            };
            SocketSnapshot snap = new SocketSnapshot(listening, connections, NOW);
            scan = Optional.of(new NetworkScan(snap, rules.baseline(), rules.allowlist(),
                    PortEvaluator.evaluate(listening, rules.baseline()), EgressEvaluator.evaluate(snap, rules.allowlist(),
                    none), rules.errors()));
        }
        return new Signals(home, openclawDir, this, scan, NOW);
    }

    @Override
    public Path root() {
        return hostRoot;
    }

    @Override
    public Optional<String> read(String absolute) throws IOException {
        if (unreadable.contains(absolute)) {
            throw new AccessDeniedException(absolute);
        }
        return HostFacts.super.read(absolute);
    }

    @Override
    public Optional<ToolOutput> run(List<String> argv) {
        return Optional.ofNullable(tools.get(String.join(" ", argv)));
    }

    @Override
    public boolean assessingAsRoot() {
        return root;
    }

    @Override
    public boolean brokerReachable(Path socket) {
        return broker;
    }
}
