package io.clawguard.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one audit record, each named in this one place: the seed's names where it has
 * one ({@code argv}, {@code reason}, {@code session_id}, {@code returncode}, {@code use_sudo},
 * …), so tools that read the seed's log keep working, and each with one type, so a uid is a
 * number and a path a string whoever writes the record. Fields keep the order they were set in.
 */
public final class AuditFields {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private AuditFields() {
    }

    public static AuditFields fields() {
        return new AuditFields();
    }

    /** Fields that come from outside this package as a map (a network event's own fields). */
    public static AuditFields copyOf(Map<String, Object> map) {
        AuditFields f = new AuditFields();
        f.fields.putAll(map);
        return f;
    }

    Map<String, Object> asMap() {
        return fields;
    }

    private AuditFields put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    // The command and its request.

    /** Inline code an interpreter is handed, each piece whole. */
    public AuditFields inlineCode(List<String> code) {
        return put("inline_code", List.copyOf(code));
    }

    /** Scripts bound by content: path, real path, sha256, bytes. */
    public AuditFields scripts(List<Map<String, Object>> scripts) {
        return put("scripts", List.copyOf(scripts));
    }

    public AuditFields interpreterNotes(List<String> notes) {
        return put("interpreter_notes", List.copyOf(notes));
    }

    /** A program started under an approved run: its pid, its parent's, the file and its argv. */
    public AuditFields child(long pid, long parentPid, String exe, List<String> argv) {
        put("child_pid", pid);
        put("parent_pid", parentPid);
        put("exe", exe);
        return put("child_argv", List.copyOf(argv));
    }

    /** The run's asciicast recording: where, its SHA-256 (so editing it shows), its size, whether it was cut. */
    public AuditFields recording(String path, String sha256, long bytes, boolean truncated) {
        put("recording", path);
        put("recording_sha256", sha256);
        put("recording_bytes", bytes);
        return put("recording_truncated", truncated);
    }

    /** The no_record rule that kept this run from being recorded. */
    public AuditFields recordingOff(String rule) {
        put("recording", "off");
        return put("recording_off_rule", rule);
    }

    /** Where the broker's copies of a run's bound scripts are. */
    public AuditFields spool(String folder) {
        return put("spool", folder);
    }

    public AuditFields argv(List<String> argv) {
        return put("argv", List.copyOf(argv));
    }

    public AuditFields reason(String reason) {
        return put("reason", reason);
    }

    public AuditFields sessionId(String id) {
        return put("session_id", id);
    }

    public AuditFields requestId(String id) {
        return put("request_id", id);
    }

    public AuditFields resolvedPath(String path) {
        return put("resolved_path", path);
    }

    public AuditFields cwd(String folder) {
        return put("cwd", folder);
    }

    public AuditFields useSudo(boolean useSudo) {
        return put("use_sudo", useSudo);
    }

    public AuditFields runsAs(String user) {
        return put("runs_as", user);
    }

    public AuditFields returnCode(int code) {
        return put("returncode", (long) code);
    }

    public AuditFields untrustedSource(boolean untrusted) {
        return put("untrusted_source", untrusted);
    }

    /** How the approval was scoped: this command once, or the session. */
    public AuditFields scope(String scope) {
        return put("scope", scope);
    }

    public AuditFields authorisedBy(String how) {
        return put("authorised_by", how);
    }

    /** How a running command was ended when its requester went away. */
    public AuditFields how(String how) {
        return put("how", how);
    }

    // Who asked, who decided.

    public AuditFields requester(int uid, long pid) {
        put("requester_uid", (long) uid);
        return put("requester_pid", pid);
    }

    public AuditFields requesterUid(int uid) {
        return put("requester_uid", (long) uid);
    }

    /** The requester's process chain up to its session leader. */
    public AuditFields requesterProcess(String chain) {
        return put("requester_process", chain);
    }

    public AuditFields by(String name) {
        return put("by", name);
    }

    /** The admins who decided (two for a two-person command). */
    public AuditFields by(List<String> names) {
        return put("by", List.copyOf(names));
    }

    public AuditFields by(String name, int uid) {
        put("by", name);
        return put("by_uid", (long) uid);
    }

    public AuditFields approved(boolean approved) {
        return put("approved", approved);
    }

    public AuditFields keep(boolean keepForSession) {
        return put("keep", keepForSession);
    }

    public AuditFields decisionReason(String why) {
        return put("decision_reason", why);
    }

    public AuditFields outcome(String outcome) {
        return put("outcome", outcome);
    }

    /** How many admins approved so far, of how many the command needs. */
    public AuditFields approvals(long given, int needed) {
        put("approvals", given);
        return approvalsNeeded(needed);
    }

    public AuditFields approvalsNeeded(int needed) {
        return put("approvals_needed", (long) needed);
    }

    /** A peer of a broker socket, by the kernel's credentials. */
    public AuditFields peer(String socket, int uid, int gid, long pid) {
        put("socket", socket);
        put("peer_uid", (long) uid);
        put("peer_gid", (long) gid);
        return put("peer_pid", pid);
    }

    /** Records of the same kind left out since the last one written (a flood is counted, not logged line by line). */
    public AuditFields repeated(long times) {
        return put("repeated_since_last_record", times);
    }

    // The session.

    public AuditFields idleTimeoutMinutes(long minutes) {
        return put("idle_timeout_minutes", minutes);
    }

    public AuditFields lastElevatedActivity(Instant at) {
        return put("last_elevated_activity_utc", at == null ? null : at.toString());
    }

    public AuditFields because(String why) {
        return put("because", why);
    }

    // Policy and what went wrong.

    public AuditFields pattern(String rule) {
        return put("pattern", rule);
    }

    /** A run_as user a policy rule named. */
    public AuditFields runAs(String user) {
        return put("run_as", user);
    }

    public AuditFields missing(List<String> files) {
        return put("missing", List.copyOf(files));
    }

    public AuditFields file(String file) {
        return put("file", file);
    }

    public AuditFields sudo(String sudo) {
        return put("sudo", sudo);
    }

    public AuditFields error(String error) {
        return put("error", error);
    }

    public AuditFields why(String why) {
        return put("why", why);
    }

    // The network.

    /** What a network record is about (a listener or destination) and what changed. */
    public AuditFields subject(String subject) {
        return put("subject", subject);
    }

    public AuditFields detail(String detail) {
        return put("detail", detail);
    }

    /** Seen on the first scan after start: there before, not new. */
    public AuditFields firstScan() {
        return put("first_scan", true);
    }

    // The broker and its log.

    public AuditFields process(int uid, long pid) {
        put("uid", (long) uid);
        return put("pid", pid);
    }

    public AuditFields sockets(String agentSocket, String adminSocket) {
        put("agent_socket", agentSocket);
        return put("admin_socket", adminSocket);
    }

    /** What an archive moved: the last segment and record moved out, and where to. */
    AuditFields archived(long throughSegment, long throughSeq, String throughHash, String to) {
        put("through_segment", throughSegment);
        put("through_seq", throughSeq);
        put("through_hash", throughHash);
        return put("archived_to", to);
    }

    AuditFields problem(String problem) {
        return put("problem", problem);
    }

    AuditFields setAsideTo(String file) {
        return put("set_aside_to", file);
    }

    AuditFields bytes(long bytes, String sha256) {
        put("bytes", bytes);
        return put("sha256", sha256);
    }
}
