package io.clawguard.compliance;

import io.clawguard.audit.AuditVerification;
import io.clawguard.audit.AuditChainWatch;
import io.clawguard.files.ProcessIdentity;
import io.clawguard.files.StateHome;
import io.clawguard.hook.SudoShim;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.monitor.NetworkScan;
import io.clawguard.policy.GuardConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything the checks read, in one place: the state folder's files, OpenClaw's own
 * {@code openclaw.json} and {@code .env}, the audit chain, the last network scan, the host and
 * the assessment's instant. Checks never go looking for signals (or the time) themselves, so a
 * prepared home tests each of them.
 */
public final class Signals {
    /** dotenv's line: KEY=VALUE or KEY: VALUE, "export " allowed before; a "#" line matches no key. */
    private static final Pattern DOTENV_LINE = Pattern.compile("\\s*(?:export\\s+)?([\\w.-]+)(?:\\s*=|:\\s)(.*)");

    private final StateHome home;
    private final Path openclawDir;
    private final HostFacts host;
    private final Optional<NetworkScan> network;
    private final AuditChainWatch audit;
    private final Instant now;
    private OpenClawSettings openclaw;
    private AgentIdentity agents;
    private Map<String, String> openclawEnv;
    private Optional<Sudoers> sudoers;
    private GuardConfig guardConfig;
    private AssessmentSettings settings;
    private InvalidJsonFileException configUnusable;
    private IOException sudoersUnreadable;

    public Signals(StateHome home, Path openclawDir, HostFacts host, Optional<NetworkScan> network, Instant now) {
        this(home, openclawDir, host, network, AuditChainWatch.readOnly(home.auditLog()), now);
    }

    /** With an audit verification kept across assessments (the console's monitor reuses one). */
    public Signals(StateHome home, Path openclawDir, HostFacts host, Optional<NetworkScan> network,
                   AuditChainWatch audit, Instant now) {
        this.home = home;
        this.openclawDir = openclawDir;
        this.host = host;
        this.network = network;
        this.audit = audit;
        this.now = now;
    }

    /** The instant assessed: what "recent" is measured against, fixed by the caller so a test is repeatable. */
    public Instant now() {
        return now;
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

    /**
     * The config OpenClaw reads in its state folder: openclaw.json, else the first of the names it
     * had as Clawdbot that exists (its config/paths.ts), so a config renamed to one is still judged.
     */
    public Path openclawConfigFile() {
        return Stream.of("openclaw.json", "clawdbot.json", "moldbot.json", "moltbot.json").map(openclawDir::resolve)
                .filter(Files::exists).findFirst().orElse(openclawDir.resolve("openclaw.json"));
    }

    /** The assessment's own settings, read once; the defaults when clawguard.json is unusable (its checks say so). */
    public AssessmentSettings settings() {
        if (settings == null) {
            try {
                settings = AssessmentSettings.load(home.config());
            } catch (InvalidJsonFileException e) {
                settings = AssessmentSettings.DEFAULTS;
            }
        }
        return settings;
    }

    /**
     * OpenClaw's settings (JSON5), or why they cannot be used ({@link OpenClawSettings#unusable()}); read
     * once per assessment, so every check judges the same file even if it changes meanwhile.
     */
    public OpenClawSettings openclaw() {
        if (openclaw == null) {
            openclaw = OpenClawSettings.read(openclawConfigFile(), openclawEnv());
        }
        return openclaw;
    }

    /** {@code ~/.openclaw/.env} (not {@code env}): the environment file OpenClaw loads for itself at start. */
    public Path openclawEnvFile() {
        return openclawDir.resolve(".env");
    }

    /**
     * {@link #openclawEnvFile()}'s KEY=VALUE lines as dotenv (which OpenClaw loads it with) reads
     * them, one line each; empty when it is missing, unreadable or not a sane file. Read once per
     * assessment, so the settings and every check judge the same file.
     */
    public Map<String, String> openclawEnv() {
        if (openclawEnv == null) {
            openclawEnv = java.util.Collections.unmodifiableMap(readOpenclawEnv());
        }
        return openclawEnv;
    }

    private Map<String, String> readOpenclawEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        Path file = openclawEnvFile();
        try {
            for (String line : new String(BoundedFile.read(file), StandardCharsets.UTF_8).split("\\R")) {
                Matcher m = DOTENV_LINE.matcher(line);
                if (m.matches()) {
                    env.put(m.group(1), dotenvValue(m.group(2).stripLeading()));
                }
            }
        } catch (IOException e) {
            return env;
        }
        return env;
    }

    /**
     * A value as dotenv takes it: between its quotes when quoted (then only a comment may follow;
     * in double quotes \n and \r are line breaks), else up to the first "#", trimmed. Read otherwise,
     * {@code OWNER=* # anyone} would be "* # anyone" here and "*" to OpenClaw.
     */
    private static String dotenvValue(String rest) {
        if (!rest.isEmpty() && "'\"`".indexOf(rest.charAt(0)) >= 0) {
            char quote = rest.charAt(0);
            for (int i = 1; i < rest.length(); i++) {
                if (rest.charAt(i) == '\\' && i + 1 < rest.length() && rest.charAt(i + 1) == quote) {
                    i++;
                } else if (rest.charAt(i) == quote) {
                    String after = rest.substring(i + 1).strip();
                    if (after.isEmpty() || after.startsWith("#")) {
                        String inner = rest.substring(1, i);
                        return quote == '"' ? inner.replace("\\n", "\n").replace("\\r", "\r") : inner;
                    }
                    break;
                }
            }
        }
        int comment = rest.indexOf('#');
        return (comment < 0 ? rest : rest.substring(0, comment)).strip();
    }

    /** The admin's settings, or the error that makes them unusable: read once per assessment. */
    public GuardConfig config() throws InvalidJsonFileException {
        if (guardConfig == null && configUnusable == null) {
            try {
                guardConfig = GuardConfig.load(home.config(), ProcessIdentity.uid());
            } catch (InvalidJsonFileException e) {
                configUnusable = e;
            }
        }
        if (configUnusable != null) {
            throw configUnusable;
        }
        return guardConfig;
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
            GuardConfig config;
            try {
                config = config();
            } catch (InvalidJsonFileException e) {
                // The checks that read clawguard.json say it is unusable; the processes still name the agent.
                config = GuardConfig.DEFAULTS;
            }
            agents = AgentIdentity.of(host, config.agentUsers(), config.agentGroups());
        }
        return agents;
    }

    /**
     * sudoers as sudo reads it ({@link SudoersParser#parse}), or why it cannot be read: parsed once per
     * assessment, though every agent account's sudo rights and the alternate paths check judge it.
     */
    Optional<Sudoers> sudoers() throws IOException {
        if (sudoers == null && sudoersUnreadable == null) {
            try {
                sudoers = SudoersParser.parse(host);
            } catch (IOException e) {
                sudoersUnreadable = e;
            }
        }
        if (sudoersUnreadable != null) {
            throw sudoersUnreadable;
        }
        return sudoers;
    }
}
