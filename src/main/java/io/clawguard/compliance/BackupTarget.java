package io.clawguard.compliance;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a backup destination is off this host: a copy on the same disk (a local path, a
 * file:// URL, or a URL or host:path naming this machine) is lost with the disk or the host it
 * is meant to survive.
 */
final class BackupTarget {
    private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*).*", Pattern.DOTALL);
    /** scp's form: [user@]host:path, a colon before any slash. */
    private static final Pattern HOST_PATH = Pattern.compile("(?:[^@/:]+@)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):.*",
            Pattern.DOTALL);

    private BackupTarget() {
    }

    /** Empty when {@code target} is off this host; else why it is not. */
    static Optional<String> whyNotOffHost(String target) {
        Matcher url = URL.matcher(target);
        if (url.matches()) {
            if (url.group(1).equalsIgnoreCase("file")) {
                return Optional.of("a file:// URL is a path on this host");
            }
            String host = url.group(2).replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
            return host.isEmpty() ? Optional.of("the URL names no host") : local(host);
        }
        Matcher hostPath = HOST_PATH.matcher(target);
        if (hostPath.matches()) {
            return local(hostPath.group(1));
        }
        return Optional.of("a path on this host shares its disk (an off-host target is an ssh://, sftp://, rsync://,"
                + " s3:// URL or a host:path)");
    }

    /** A name for this machine itself: a copy there is a copy on the same disk. */
    static Optional<String> local(String host) {
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        boolean self = h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")
                || h.equals("0.0.0.0") || h.equals("::");
        return self ? Optional.of(host + " is this host") : Optional.empty();
    }
}
