package io.clawguard.hook;

import io.clawguard.files.AtomicFile;
import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.StateHome;
import io.clawguard.policy.ShellQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The {@code sudo} shim: put first on the agent's PATH, it turns every form of sudo that would
 * run a command ({@code sudo CMD}, {@code sudo -k -E CMD}, {@code sudo -u root CMD}, …) into a
 * {@code clawguard exec --use-sudo} request, passes to the real sudo only the forms that run
 * nothing ({@code -h -V -l -k -K -v} alone), and refuses every other option with exit code 2.
 * A user install keeps it in its state folder's {@code bin} ({@code ~/.openclaw/security/bin}); the system
 * install in {@link #SYSTEM_DIR}.
 */
public final class SudoShim {
    /** The line that marks a file as ours, so uninstall never removes someone else's sudo. */
    public static final String MARKER = "# clawguard-sudo-shim";
    /** Where {@code clawguard service install} puts the shim of a root broker: root-owned, one for all agents. */
    public static final Path SYSTEM_DIR = StateHome.SYSTEM.shimDir();

    /*
     * The shim is sh, not Java: it runs on every sudo the agent types. Its arguments are only
     * ever compared as data and passed on as whole words ("$@", "$1"); nothing is evaluated. It is
     * no security boundary (the agent could call clawguard exec itself, and the broker decides),
     * so it translates faithfully and refuses what it does not understand rather than guessing.
     */
    private static final String BODY = """
            real_sudo="${OPENCLAW_REAL_SUDO:-/usr/bin/sudo}"

            refuse() {
              printf 'clawguard sudo shim: %s\\n' "$1" >&2
              exit 2
            }

            # Who a command runs as is the admin's policy, not the agent's choice: only root passes.
            run_as() {
              case "$1" in
                root|0|'#0') ;;
                *) refuse "sudo -u $1 is refused: ClawGuard runs approved commands as the admin's policy says; use: sudo CMD [ARGS...]" ;;
              esac
            }

            # Reads sudo's options. Sets consumed (how many words they took, with a closing --),
            # report (an option that only reports, when given alone) and forget (-k).
            read_options() {
              consumed=0 report='' forget=''
              while [ $# -gt 0 ]; do
                case "$1" in
                  --) consumed=$((consumed + 1)); return ;;
                  --user) [ $# -ge 2 ] || refuse "sudo --user needs a user name"
                          shift; consumed=$((consumed + 1)); run_as "$1" ;;
                  --user=*) run_as "${1#--user=}" ;;
                  --reset-timestamp) forget="$1" ;;
                  --preserve-env|--non-interactive|--set-home) ;;
                  --help|--version|--remove-timestamp|--validate|--list) report="$1" ;;
                  --*) refuse "sudo option $1 is not supported; use: sudo CMD [ARGS...]" ;;
                  -?*) letters="${1#-}"
                       while [ -n "$letters" ]; do
                         rest="${letters#?}"; letter="${letters%"$rest"}"; letters="$rest"
                         case "$letter" in
                           u) user="$letters"; letters=''
                              if [ -z "$user" ]; then
                                [ $# -ge 2 ] || refuse "sudo -u needs a user name"
                                shift; consumed=$((consumed + 1)); user="$1"
                              fi
                              run_as "$user" ;;
                           k) forget=-k ;;
                           E|n|H) ;;
                           h|V|K|v|l) report="-$letter" ;;
                           *) refuse "sudo option -$letter is not supported; use: sudo CMD [ARGS...]" ;;
                         esac
                       done ;;
                  *) return ;;
                esac
                shift; consumed=$((consumed + 1))
              done
            }

            read_options "$@"
            if [ "$consumed" -ge $# ]; then
              # No command: what is left reports or forgets, and runs nothing.
              [ -n "$report$forget" ] && exec "$real_sudo" "$@"
              refuse "usage: sudo CMD [ARGS...]"
            fi
            [ -z "$report" ] || refuse "sudo $report runs no command and takes none here; use sudo $report alone, or sudo CMD [ARGS...]"
            shift "$consumed"
            cmd="$1"; shift
            case "$cmd" in
              /*) ;;
              */*) printf 'clawguard sudo shim: %s: give the command as an absolute path or a bare name\\n' "$cmd" >&2
                   exit 8 ;;
              *) # The folders the broker's scrubbed PATH holds; shell builtins and functions never count.
                 resolved=''
                 for dir in /usr/bin /bin /usr/sbin /sbin; do
                   if [ -f "$dir/$cmd" ] && [ -x "$dir/$cmd" ]; then resolved="$dir/$cmd"; break; fi
                 done
                 [ -n "$resolved" ] || {
                   printf 'clawguard sudo shim: %s: command not found in /usr/bin:/bin:/usr/sbin:/sbin\\n' "$cmd" >&2
                   exit 8; }
                 cmd="$resolved" ;;
            esac
            """;

    private final Path shim;

    public SudoShim(Path shimDir) {
        this.shim = shimDir.resolve("sudo");
    }

    public Path path() {
        return shim;
    }

    /** The script for a launcher and a flat state folder ({@code clawguard exec --home DIR}). */
    public static String script(List<String> launcher, Path home) {
        return script(launcher, "--home " + ShellQuote.quote(home.toString()));
    }

    /** The script for a launcher and the root broker of the system install ({@code clawguard exec --system}). */
    public static String systemScript(List<String> launcher) {
        return script(launcher, "--system");
    }

    private static String script(List<String> launcher, String broker) {
        return "#!/bin/sh\n"
                + MARKER + "\n"
                + "# Installed by ClawGuard: every sudo that runs a command goes through ClawGuard's approval.\n"
                + BODY
                + "exec " + ShellQuote.join(launcher) + " exec " + broker + " --use-sudo"
                + " --reason \"${CLAWGUARD_REASON:-sudo $cmd (through the sudo shim)}\" -- \"$cmd\" \"$@\"\n";
    }

    /**
     * True when a shell searching {@code path} finds this shim before any other sudo. An empty
     * entry means the current folder, as the shell reads it, so a sudo there counts too.
     */
    public boolean firstOnPath(String path) {
        String dir = shim.getParent().toString();
        for (String entry : path == null ? new String[0] : path.split(":", -1)) {
            if (entry.equals(dir)) {
                return true;
            }
            if (Files.isExecutable(Path.of(entry.isEmpty() ? "." : entry, "sudo"))) {
                return false;
            }
        }
        return false;
    }

    public boolean installed() throws IOException {
        try {
            return Files.readString(shim, StandardCharsets.UTF_8).contains(MARKER);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Writes the shim for a flat state folder; refuses to replace a {@code sudo} there that is not ours. */
    public void install(List<String> launcher, Path home) throws IOException {
        if (Files.exists(shim) && !installed()) {
            throw new IOException(shim + " exists and is not a ClawGuard shim; move it away first");
        }
        PrivateDirectory.create(shim.getParent());
        AtomicFile.write(shim, script(launcher, home).getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Removes the shim; returns false when there was none. */
    public boolean uninstall() throws IOException {
        if (!Files.exists(shim)) {
            return false;
        }
        if (!installed()) {
            throw new IOException(shim + " is not a ClawGuard shim; leaving it alone");
        }
        Files.delete(shim);
        return true;
    }
}
