package io.clawguard.elevation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One allow-listed command of an elevated session. {@code scope} is {@code session} when
 * the admin approved it for the task session, {@code once} while a single approved run is
 * in flight. Entries from the seed's state file carry only argv: they are shown but never
 * authorise a run, since they do not say which binary or folder was approved; nor do entries
 * written before approvals were bound to the requester and to device and inode.
 */
public record AllowedCommand(List<String> argv, String resolvedPath, String cwd, String sessionId, Integer requesterUid,
                             String binaryId, String cwdId, Scope scope, String requestId, Instant addedAt) {
    /** How long an approval lasts. */
    public enum Scope { ONCE, SESSION, LEGACY }

    public AllowedCommand {
        argv = List.copyOf(argv);
        Objects.requireNonNull(scope, "scope");
    }

    public static AllowedCommand of(CommandBinding b, Scope scope, String requestId, Instant now) {
        return new AllowedCommand(b.argv(), b.resolvedPath(), b.cwd(), b.sessionId(), b.requesterUid(), b.binaryId(),
                b.cwdId(), scope, requestId, now);
    }

    /** True when this entry lets {@code b} run again without asking. */
    public boolean authorises(CommandBinding b) {
        return scope == Scope.SESSION
                && argv.equals(b.argv())
                && Objects.equals(resolvedPath, b.resolvedPath())
                && Objects.equals(cwd, b.cwd())
                && Objects.equals(sessionId, b.sessionId())
                && Objects.equals(requesterUid, b.requesterUid())
                && binaryId != null && binaryId.equals(b.binaryId())
                && cwdId != null && cwdId.equals(b.cwdId());
    }
}
