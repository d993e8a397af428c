package io.clawguard.approval;

import io.clawguard.policy.InterpreterUse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds each script argument of a request by content, read at request time as its requester
 * could read it (see {@link ScriptReader}), relative to the folder pinned for the request.
 */
final class ScriptBinding {
    /** Larger than any script an admin reads before approving it. */
    static final int MAX_BYTES = 1 << 20;

    private ScriptBinding() {
    }

    /** The bound scripts; an exception naming the script when one cannot be bound. */
    static List<BoundScript> bind(InterpreterUse use, ExecRequest req, Set<Integer> groups, ScriptReader reader)
            throws IOException {
        List<BoundScript> bound = new ArrayList<>();
        for (InterpreterUse.Script s : use.scripts()) {
            Path named = Path.of(s.path());
            Path at = named.isAbsolute() ? named : req.cwdHandle().resolve(named);
            Path real;
            try {
                real = at.toRealPath();
            } catch (IOException e) {
                throw new IOException("the script " + s.path() + " cannot be found: " + e.getMessage());
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("the script " + s.path() + " is not a plain file");
            }
            byte[] content;
            try {
                content = reader.read(real, req.requester(), groups, MAX_BYTES);
            } catch (IOException e) {
                throw new IOException("the script " + s.path() + " cannot be read as uid " + req.requester().uid() + ": "
                        + e.getMessage());
            }
            // The pinned folder's handle is this process's; what the admin reads is the folder's own path.
            String shownReal = real.toString();
            bound.add(BoundScript.of(s.argvIndex(), s.prefix(), s.path(), shownReal, content));
        }
        return bound;
    }
}
