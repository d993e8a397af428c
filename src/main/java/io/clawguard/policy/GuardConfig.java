package io.clawguard.policy;

import io.clawguard.files.OwnerOnlyFile;
import io.clawguard.forward.SyslogSettings;
import io.clawguard.json.InvalidJsonFileException;
import io.clawguard.json.JsonFiles;
import io.clawguard.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The admin's settings in {@code clawguard.json}: the only place where a control may be
 * loosened (longer timeouts, who may ask on the agent socket, who may attach a console). The file must
 * be the admin's own; one that others could have written is refused.
 */
public record GuardConfig(Duration idleTimeout, Duration pendingTimeout, Path approvalTokenFile, Path totpSecretFile,
                          List<String> agentUsers, List<String> agentGroups, List<String> adminUsers,
                          List<String> adminGroups, int maxPendingPerUid, long minFreeMegabytes, long auditRotateMegabytes,
                          Path metricsFolder, SyslogSettings syslog, Fleet fleet,
                          boolean requireSessionId, boolean requirePolicyFiles, boolean untrustedSource,
                          boolean strictInlineEval, long recordingMaxMegabytes) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_PENDING_TIMEOUT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_PENDING_PER_UID = 256;
    public static final long DEFAULT_MIN_FREE_MEGABYTES = 64;
    public static final long DEFAULT_AUDIT_ROTATE_MEGABYTES = 64;
    /** A run's recording is cut here (and the cut marked and audited): a command can print without end. */
    public static final long DEFAULT_RECORDING_MAX_MEGABYTES = 16;
    public static final GuardConfig DEFAULTS = new GuardConfig(DEFAULT_IDLE_TIMEOUT, DEFAULT_PENDING_TIMEOUT,
            null, null, List.of(), List.of(), List.of(), List.of(), DEFAULT_MAX_PENDING_PER_UID,
            DEFAULT_MIN_FREE_MEGABYTES, DEFAULT_AUDIT_ROTATE_MEGABYTES, null, null, Fleet.NONE, false, false, false,
            true, DEFAULT_RECORDING_MAX_MEGABYTES);

    /**
     * The hosts a console watches by default ({@code "hosts": ["web1=ssh://admin@web1", …]}),
     * the ssh_config file to reach them with ({@code "ssh_config"}), and the {@code clawguard}
     * to run there ({@code "remote_clawguard"}, default {@code clawguard} on the remote PATH).
     */
    public record Fleet(List<String> hosts, Path sshConfig, String remoteClawguard) {
        public static final Fleet NONE = new Fleet(List.of(), null, "clawguard");

        public Fleet {
            hosts = List.copyOf(hosts);
        }
    }

    public GuardConfig {
        agentUsers = List.copyOf(agentUsers);
        agentGroups = List.copyOf(agentGroups);
        adminUsers = List.copyOf(adminUsers);
        adminGroups = List.copyOf(adminGroups);
    }

    /** True when other users than the broker's own may ask: the separated install. */
    public boolean agentsNamed() {
        return !agentUsers.isEmpty() || !agentGroups.isEmpty();
    }

    /** True when other users than the broker's own may attach consoles. */
    public boolean adminsNamed() {
        return !adminUsers.isEmpty() || !adminGroups.isEmpty();
    }

    /** The defaults when the file is absent; an error naming the file and field when it is unusable. */
    public static GuardConfig load(Path file, int currentUid) throws InvalidJsonFileException {
        Optional<Object> doc = JsonFiles.readLenient(file);
        if (doc.isEmpty()) {
            return DEFAULTS;
        }
        try {
            OwnerOnlyFile.check(file, currentUid, false);
        } catch (IOException e) {
            throw new InvalidJsonFileException(file.toString(), e.getMessage());
        }
        return parse(JsonObject.of(file.toString(), doc.get()), file.getParent());
    }

    static GuardConfig parse(JsonObject o, Path base) throws InvalidJsonFileException {
        if (o.bool("tty_fallback", false)) {
            throw o.error("tty_fallback", "is no longer supported: a terminal prompt can be answered by the agent"
                    + " itself; run clawguard console or clawguard broker, and remove the setting");
        }
        return new GuardConfig(
                minutes(o, "idle_timeout_minutes", DEFAULT_IDLE_TIMEOUT),
                seconds(o, "pending_timeout_seconds", DEFAULT_PENDING_TIMEOUT),
                o.optString("approval_token_file").map(base::resolve).orElse(null),
                o.optString("totp_secret_file").map(base::resolve).orElse(null),
                o.strings("agent_users"), o.strings("agent_groups"), o.strings("admin_users"), o.strings("admin_groups"),
                (int) bounded(o, "max_pending_per_uid", DEFAULT_MAX_PENDING_PER_UID, 1, 10_000),
                bounded(o, "min_free_mb", DEFAULT_MIN_FREE_MEGABYTES, 0, 10_000_000),
                bounded(o, "audit_rotate_mb", DEFAULT_AUDIT_ROTATE_MEGABYTES, 1, 4096),
                metricsFolder(o, base), SyslogSettings.parse(o, base), fleet(o, base),
                o.bool("require_session_id", false), o.bool("require_policy_files", false),
                o.bool("untrusted_source", false), o.bool("strict_inline_eval", true),
                bounded(o, "recording_max_mb", DEFAULT_RECORDING_MAX_MEGABYTES, 1, 4096));
    }

    private static Fleet fleet(JsonObject o, Path base) throws InvalidJsonFileException {
        return new Fleet(o.strings("hosts"), o.optString("ssh_config").map(base::resolve).orElse(null),
                o.optString("remote_clawguard").orElse("clawguard"));
    }

    /** {@code "metrics": {"textfile_dir": …}}: node_exporter's textfile folder, or null when not set. */
    private static Path metricsFolder(JsonObject o, Path base) throws InvalidJsonFileException {
        Optional<JsonObject> metrics = o.optObject("metrics");
        if (metrics.isEmpty()) {
            return null;
        }
        String dir = metrics.get().string("textfile_dir");
        if (dir.isBlank() || dir.indexOf('\0') >= 0) {
            throw metrics.get().error("textfile_dir", "must name a folder");
        }
        return base.resolve(dir);
    }

    private static long bounded(JsonObject o, String field, long fallback, long least, long most)
            throws InvalidJsonFileException {
        Optional<Long> v = o.optLong(field);
        if (v.isPresent() && (v.get() < least || v.get() > most)) {
            throw o.error(field, "must be between " + least + " and " + most);
        }
        return v.orElse(fallback);
    }

    private static Duration minutes(JsonObject o, String field, Duration fallback) throws InvalidJsonFileException {
        Optional<Long> v = o.optLong(field);
        if (v.isPresent() && (v.get() < 1 || v.get() > 24 * 60)) {
            throw o.error(field, "must be between 1 and 1440 minutes");
        }
        return v.map(Duration::ofMinutes).orElse(fallback);
    }

    private static Duration seconds(JsonObject o, String field, Duration fallback) throws InvalidJsonFileException {
        Optional<Long> v = o.optLong(field);
        if (v.isPresent() && (v.get() < 1 || v.get() > 24 * 3600)) {
            throw o.error(field, "must be between 1 and 86400 seconds");
        }
        return v.map(Duration::ofSeconds).orElse(fallback);
    }

    /** The idle timeout in force for a request that asked for {@code requested}: only ever shorter. */
    public Duration idleTimeoutFor(Duration requested) {
        if (requested == null || requested.compareTo(idleTimeout) >= 0) {
            return idleTimeout;
        }
        return requested;
    }
}
