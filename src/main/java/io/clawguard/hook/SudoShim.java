package io.clawguard.hook;

import io.clawguard.files.PrivateDirectory;
import io.clawguard.files.AtomicFile;
import io.clawguard.policy.ShellQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The {@code sudo} shim in {@code ~/.openclaw/bin}: put first on the agent's PATH, it routes
 * every {@code sudo CMD…} through {@code clawguard exec --use-sudo}, and passes only the
 * informational flags ({@code -h -V -v -l -k}) straight to the real sudo.
 */
public final class SudoShim {
    /** The line that marks a file as ours, so uninstall never removes someone else's sudo. */
    public static final String MARKER = "# clawguard-sudo-shim";

    private final Path shim;

    public SudoShim(Path shimDir) {
        this.shim = shimDir.resolve("sudo");
    }

    public Path path() {
        return shim;
    }

    /** The script for a launcher and a state folder. */
    public static String script(List<String> launcher, Path home) {
        String exec = ShellQuote.join(launcher) + " exec --home " + ShellQuote.quote(home.toString());
        return String.join("\n",
                "#!/bin/sh",
                MARKER,
                "# Installed by `clawguard hook install`: sudo goes through ClawGuard's approval.",
                "real_sudo=\"${OPENCLAW_REAL_SUDO:-/usr/bin/sudo}\"",
                "case \"${1:-}\" in",
                "  -h|-V|-v|-l|-k|--help|--version|--validate|--list|--reset-timestamp) exec \"$real_sudo\" \"$@\" ;;",
                "  --) shift ;;",
                "  -*) echo \"clawguard sudo shim: sudo option '$1' is not supported; use: sudo CMD [ARGS...]\" >&2; exit 2 ;;",
                "  '') echo 'usage: sudo CMD [ARGS...]' >&2; exit 2 ;;",
                "esac",
                "cmd=\"$1\"; shift",
                "case \"$cmd\" in",
                "  /*) ;;",
                "  *) resolved=$(PATH=/usr/bin:/bin:/usr/sbin:/sbin command -v -- \"$cmd\") || {",
                "       echo \"clawguard sudo shim: $cmd: command not found\" >&2; exit 8; }",
                "     cmd=\"$resolved\" ;;",
                "esac",
                "exec " + exec + " --use-sudo --reason \"${CLAWGUARD_REASON:-sudo $cmd (through the sudo shim)}\" -- \"$cmd\" \"$@\"",
                "");
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

    /** Writes the shim; refuses to replace a {@code sudo} there that is not ours. */
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
