package io.clawguard.compliance;

import io.clawguard.audit.AuditVerification;
import io.clawguard.audit.AuditChainWatch;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.hook.SudoShim;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the checks read, in one place: the state folder's files, OpenClaw's own
 * {@code openclaw.json} and {@code env}, the audit chain, the last network scan and the host.
 * Checks never go looking for signals themselves, so a prepared home tests each of them.
 */
public final class Signals {
    private final StateHome home;
    private final Path openclawDir;
    private final HostFacts host;
    private final Optional<NetworkScan> network;
    private final AuditChainWatch audit;
    private AgentIdentity agents;

    public Signals(StateHome home, Path openclawDir, HostFacts host, Optional<NetworkScan> network) {
        this(home, openclawDir, host, network, AuditChainWatch.readOnly(home.auditLog()));
    }

    /** With an audit verification kept across assessments (the console's monitor reuses one). */
    public Signals(StateHome home, Path openclawDir, HostFacts host, Optional<NetworkScan> network,
                   AuditChainWatch audit) {
        this.home = home;
        this.openclawDir = openclawDir;
        this.host = host;
        this.network = network;
        this.audit = audit;
    }

    public StateHome home() {
        return home;
    }

    public HostFacts host() {
        return host;
    }

    public Optional<NetworkScan> network() {
        return network;
    }

    /** OpenClaw's state folder ({@link OpenClawHome}). */
    public Path openclawDir() {
        return openclawDir;
    }

    public Path openclawConfigFile() {
        return openclawDir.resolve("openclaw.json");
    }

    /** The assessment's own settings; the defaults when clawguard.json is unusable (its checks say so). */
    public AssessmentSettings settings() {
        try {
            return AssessmentSettings.load(home.config());
        } catch (InvalidJsonFileException e) {
            return AssessmentSettings.DEFAULTS;
        }
    }

    /** OpenClaw's settings (JSON5: comments and trailing commas); empty with the reason when unusable. */
    public OpenClawSettings openclaw() {
        Path file = openclawConfigFile();
        try {
            Optional<Object> doc = JsonFiles.readLenient(file);
            if (doc.isEmpty()) {
                return OpenClawSettings.missing(file + " does not exist");
            }
            return OpenClawSettings.of(JsonObject.of(file.toString(), doc.get()));
        } catch (InvalidJsonFileException e) {
            return OpenClawSettings.missing(e.getMessage());
        }
    }

    /** {@code ~/.openclaw/env}: KEY=VALUE lines, as OpenClaw's service reads them. */
    public Map<String, String> openclawEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(openclawDir.resolve("env"), StandardCharsets.UTF_8)) {
                String t = line.strip();
                int eq = t.indexOf('=');
                if (!t.startsWith("#") && eq > 0) {
                    env.put(t.substring(0, eq).replaceFirst("^export\\s+", "").strip(),
                            t.substring(eq + 1).strip().replaceAll("^[\"']|[\"']$", ""));
                }
            }
        } catch (IOException e) {
            return env;
        }
        return env;
    }

    /** The admin's settings, or the error that makes them unusable. */
    public GuardConfig config() throws InvalidJsonFileException {
        return GuardConfig.load(home.config(), ProcessIdentity.uid());
    }

    public AuditVerification audit() throws IOException {
        return audit.verify();
    }

    public boolean shimInstalled() {
        try {
            return new SudoShim(home.shimDir()).installed();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when the shim's folder comes before any other folder holding a sudo on {@code agentPath}
     * (the agent's PATH, read from its process: {@link AgentIdentity}).
     */
    public boolean shimFirstOnPath(String agentPath) {
        return new SudoShim(home.shimDir()).firstOnPath(agentPath);
    }

    /** Who the agent is: its OpenClaw processes and the agent_users of clawguard.json, found once per assessment. */
    AgentIdentity agents() {
        if (agents == null) {
            List<String> configured;
            try {
                configured = config().agentUsers();
            } catch (InvalidJsonFileException e) {
                // The checks that read clawguard.json say it is unusable; the processes still name the agent.
                configured = List.of();
            }
            agents = AgentIdentity.of(host, configured);
        }
        return agents;
    }
}
