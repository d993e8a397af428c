package io.clawguard.fleet;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One host the console watches: {@code [name=]ssh://[user@]host[:port][/state/folder]}. The
 * folder, when given, is the remote broker's state folder ({@code --home}); without it the
 * remote {@code clawguard} finds its own. Every part reaches an ssh command line, so each is
 * held to a plain form: no part can start with {@code -} and be read as an option, and the
 * folder holds no character the remote shell would act on.
 */
public record HostAddress(String name, String user, String host, int port, String remoteHome) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,31}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern FOLDER = Pattern.compile("(/[A-Za-z0-9._-]+)+/?");

    public static HostAddress parse(String text) {
        String name = null;
        String url = text;
        int eq = text.indexOf('=');
        if (eq > 0 && !text.substring(0, eq).contains("/")) {
            name = text.substring(0, eq);
            url = text.substring(eq + 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--host " + text + ": not an ssh:// address (" + e.getReason() + ")");
        }
        if (!"ssh".equals(uri.getScheme()) || uri.getRawAuthority() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--host " + text + ": must be ssh://[user@]host[:port][/state/folder]");
        }
        String authority = uri.getRawAuthority();
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            user = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = 22;
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--host " + text + ": the port must be between 1 and 65535");
        }
        if (user != null && !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("--host " + text + ": the user name must be letters, digits, . _ -");
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("--host " + text + ": the host must be a name or an address");
        }
        String path = uri.getRawPath();
        String home = path == null || path.isEmpty() || path.equals("/") ? null : path;
        if (home != null && !FOLDER.matcher(home).matches()) {
            throw new IllegalArgumentException("--host " + text + ": the state folder must be an absolute path of"
                    + " letters, digits, . _ -");
        }
        String shown = name != null ? name : host.replaceAll("[\\[\\]]", "");
        if (!NAME.matcher(shown).matches() || shown.length() > 32) {
            throw new IllegalArgumentException("--host " + text + ": name it NAME=ssh://…, NAME letters, digits, . _ -");
        }
        return new HostAddress(shown, user, host, port, home);
    }

    /** Several hosts; names must differ, since a request is sent back to its host by name. */
    public static List<HostAddress> parseAll(List<String> texts) {
        List<HostAddress> hosts = new ArrayList<>();
        for (String t : texts) {
            HostAddress h = parse(t);
            if (hosts.stream().anyMatch(o -> o.name().equals(h.name()))) {
                throw new IllegalArgumentException("--host " + t + ": another host is already named " + h.name()
                        + "; name them NAME=ssh://…");
            }
            hosts.add(h);
        }
        return hosts;
    }

    /**
     * The ssh command that runs {@code clawguard ARGS} on this host (with its state folder, when
     * the address names one): {@code ssh -T} with a batch mode that never prompts (the console
     * owns the terminal), keep-alives that notice a dead link within 30 s, then {@code --} and
     * the destination, so nothing after it is an option.
     */
    public List<String> sshCommand(SshSettings ssh, String... args) {
        List<String> argv = new ArrayList<>(List.of(ssh.ssh(), "-T", "-o", "BatchMode=yes", "-o",
                "ServerAliveInterval=10", "-o", "ServerAliveCountMax=3", "-o", "ConnectTimeout=10", "-p",
                Integer.toString(port)));
        if (ssh.config() != null) {
            argv.add(1, "-F");
            argv.add(2, ssh.config());
        }
        if (user != null) {
            argv.addAll(List.of("-l", user));
        }
        argv.add("--");
        argv.add(host.replaceAll("[\\[\\]]", ""));
        argv.add(ssh.remoteClawguard());
        argv.addAll(List.of(args));
        if (remoteHome != null) {
            argv.add("--home");
            argv.add(remoteHome);
        }
        return argv;
    }
}
