package io.clawguard.compliance;

import static io.clawguard.compliance.CheckResult.compliant;
import static io.clawguard.compliance.CheckResult.partial;
import static io.clawguard.compliance.CheckResult.violation;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * openclaw_sandbox_enabled: the sandbox is on (agents.defaults.sandbox.mode, and each
 * agents.list[] override) and its docker settings do not hand the host back to the agent. The
 * blocked paths are OpenClaw's own (src/agents/sandbox/validate-sandbox-security.ts,
 * BLOCKED_HOST_PATHS and the home's credential folders), plus "/" and the agent's home and state
 * folder, which contain them; network "host" or "container:…" and unconfined seccomp/AppArmor are
 * what its audit rates critical. Bind sources are compared as text, normalised, and where they
 * exist also as what their symlinks lead to, since Docker mounts that.
 */
final class SandboxPolicy {
    private static final List<String> BLOCKED = List.of("/etc", "/private/etc", "/proc", "/sys", "/dev", "/root", "/boot",
            "/run", "/var/run", "/private/var/run", "/var/run/docker.sock", "/private/var/run/docker.sock",
            "/run/docker.sock");
    private static final List<String> HOME_CREDENTIALS = List.of(".aws", ".cargo", ".config", ".docker", ".gnupg",
            ".netrc", ".npm", ".ssh");

    private SandboxPolicy() {
    }

    /** One sandbox configuration: the defaults, or one agent of agents.list. */
    private record Scope(String path, Map<?, ?> sandbox) {
    }

    static CheckResult.Draft judge(OpenClawSettings oc, Path openclawDir) {
        String defaultMode = ToolReach.sandboxMode(oc);
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope("agents.defaults.sandbox", oc.at("agents.defaults.sandbox").filter(Map.class::isInstance)
                .map(Map.class::cast).orElse(Map.of())));
        if (oc.at("agents.list").orElse(null) instanceof List<?> agents) {
            for (int i = 0; i < agents.size(); i++) {
                if (agents.get(i) instanceof Map<?, ?> agent && agent.get("sandbox") instanceof Map<?, ?> sandbox) {
                    scopes.add(new Scope("agents.list[" + i + "] (" + Evidence.value(agent.get("id")) + ").sandbox", sandbox));
                }
            }
        }
        List<String> modes = new ArrayList<>();
        List<String> off = new ArrayList<>();
        List<String> nonMain = new ArrayList<>();
        List<String> dangers = new ArrayList<>();
        List<String> vague = new ArrayList<>();
        for (Scope scope : scopes) {
            String mode = OpenClawSettings.choice(scope.sandbox(), scope.path() + ".mode", "mode", defaultMode,
                    "off", "non-main", "all");
            String stated = scope.path() + ".mode = " + mode;
            modes.add(stated);
            if ("off".equals(mode)) {
                off.add(stated + " (tools run on the host)");
            } else if ("non-main".equals(mode)) {
                nonMain.add(stated + " (the main session runs on the host)");
            }
            if (scope.sandbox().get("docker") instanceof Map<?, ?> docker) {
                docker(scope.path() + ".docker", docker, openclawDir, dangers, vague);
            }
        }
        String evidence = oc.file() + ": " + Evidence.list(modes) + (oc.at("agents.defaults.sandbox.mode").isEmpty()
                ? " (unset: OpenClaw's default is off)" : "");
        String fix = "In " + oc.file() + ", set agents.defaults.sandbox.mode: \"all\" (and in every agents.list entry),"
                + " bind only project folders (read-only where possible) and use network \"none\" or \"bridge\".";
        if (!off.isEmpty() || !dangers.isEmpty()) {
            List<String> found = new ArrayList<>(off);
            found.addAll(dangers);
            return violation("the sandbox does not contain the agent: " + Evidence.list(found), evidence,
                    "commands reach the host's files, credentials or network", fix);
        }
        if (!nonMain.isEmpty() || !vague.isEmpty()) {
            List<String> found = new ArrayList<>(nonMain);
            found.addAll(vague);
            return partial("the sandbox is partly on: " + Evidence.list(found), evidence,
                    "part of the agent's work runs outside the sandbox or through unclear mounts", fix);
        }
        return compliant("every agent runs sandboxed without dangerous mounts or host network", evidence);
    }

    private static void docker(String where, Map<?, ?> docker, Path openclawDir, List<String> dangers, List<String> vague) {
        if (docker.get("binds") instanceof List<?> binds) {
            for (Object bind : binds) {
                String spec = String.valueOf(bind);
                blocked(spec, openclawDir).ifPresent(reason -> dangers.add(where + ".binds \"" + Evidence.value(spec) + "\" "
                        + reason));
                if (!spec.startsWith("/")) {
                    vague.add(where + ".binds \"" + Evidence.value(spec) + "\" has a relative source");
                }
            }
        }
        String network = docker.get("network") instanceof String n ? n.strip().toLowerCase(java.util.Locale.ROOT) : "";
        if (network.equals("host") || network.startsWith("container:")) {
            dangers.add(where + ".network = " + Evidence.value(network) + " (shares a network namespace)");
        }
        for (String profile : List.of("seccompProfile", "apparmorProfile")) {
            if (docker.get(profile) instanceof String p && "unconfined".equalsIgnoreCase(p.strip())) {
                dangers.add(where + "." + profile + " = unconfined");
            }
        }
    }

    /** Why a bind's source exposes the host: it is, contains or lies in a blocked path. */
    private static Optional<String> blocked(String spec, Path openclawDir) {
        if (!spec.startsWith("/")) {
            return Optional.empty();
        }
        int colon = spec.indexOf(':');
        Path source;
        try {
            source = Path.of(colon < 0 ? spec : spec.substring(0, colon)).normalize();
        } catch (InvalidPathException e) {
            return Optional.of("cannot be read as a path");
        }
        // Docker follows a symlink in the source: /tmp/x -> / mounts the host, whatever the text says.
        Path real = realPath(source);
        return reason(source, openclawDir).or(() -> real.equals(source) ? Optional.empty()
                : reason(real, openclawDir).map(why -> why + " (through a symlink to " + Evidence.path(real) + ")"));
    }

    /** Where a mount of {@code source} lands; itself when it is not there (Docker creates it) or cannot be reached. */
    private static Path realPath(Path source) {
        try {
            return source.toRealPath();
        } catch (IOException e) {
            return source;
        }
    }

    private static Optional<String> reason(Path source, Path openclawDir) {
        if (source.getNameCount() == 0) {
            return Optional.of("mounts the whole host (/)");
        }
        List<Path> blocked = new ArrayList<>(BLOCKED.stream().map(Path::of).toList());
        Path home = openclawDir.getParent();
        if (home != null) {
            HOME_CREDENTIALS.forEach(sub -> blocked.add(home.resolve(sub)));
            blocked.add(openclawDir);
            if (source.equals(home) || home.startsWith(source)) {
                return Optional.of("mounts the agent's home " + home);
            }
        }
        for (Path b : blocked) {
            if (source.startsWith(b) || b.startsWith(source)) {
                return Optional.of((source.startsWith(b) ? "lies in " : "covers ") + b);
            }
        }
        return Optional.empty();
    }
}
