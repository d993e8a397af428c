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
    List<Integer> agentUids = List.of();
    boolean broker;
    String agentPath = "/usr/bin:/bin";
    List<String> nopasswd = List.of();
    List<String> escalators = List.of();
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

    PreparedHome openclaw(String json5) {
        return file(openclawDir.resolve("openclaw.json"), json5);
    }

    PreparedHome shim(boolean firstOnPath) {
        try {
            new SudoShim(home.shimDir()).install(List.of("/usr/bin/true"), home.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Another sudo earlier on the PATH, as a system sudo in /usr/bin would be.
        Path other = openclawDir.resolve("other-bin");
        file(other.resolve("sudo"), "#!/bin/sh\n").mode(other.resolve("sudo"), "rwx------");
        agentPath = firstOnPath ? home.shimDir() + ":" + other : other + ":" + home.shimDir();
        return this;
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
    public List<Integer> agentUids() {
        return agentUids;
    }

    @Override
    public boolean brokerReachable(Path socket) {
        return broker;
    }

    @Override
    public String agentPath() {
        return agentPath;
    }

    @Override
    public List<String> nopasswdRules() {
        return nopasswd;
    }

    @Override
    public List<String> unrestrictedEscalators() {
        return escalators;
    }
}
