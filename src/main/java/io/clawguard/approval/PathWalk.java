package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one path the way the kernel would for the command, an entry at a time and through
 * every symlink by hand (a dangling one too, which opening with create would follow): where it
 * leads, and whether the requester could make it lead elsewhere before the command opens it.
 * It could when a folder on the way lets it replace the next entry (or create it), when it can
 * move the working folder a {@code ..} climbs out of, or when the path goes through
 * {@code /proc}, whose links ({@code self}, {@code PID/cwd}, {@code PID/fd/N}) mean whatever
 * the process that opens them makes them mean.
 */
final class PathWalk {
    private static final int MAX_LINKS = 40;

    /** Where the path leads, and whether the requester can change that. */
    record Result(Path real, boolean changeable) {
    }

    private final int uid;
    private final Set<Integer> gids;

    /** {@code gids}: the requester's groups; null when they cannot be known, and then every group counts. */
    PathWalk(int uid, Set<Integer> gids) {
        this.uid = uid;
        this.gids = gids == null ? null : Set.copyOf(gids);
    }

    /** Whether the requester can add an entry to {@code dir} (or chmod its way to that). */
    boolean canAddTo(Path dir) {
        try {
            return mayReplace(dir.toRealPath(), dir.resolve(".clawguard-no-such-entry"));
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** {@code folder} reaches the pinned working folder; a relative path starts there, not at its name. */
    Result walk(String path, Path folder) {
        Path at = path.startsWith("/") ? Path.of("/") : folder;
        Deque<String> left = new ArrayDeque<>();
        for (Path part : Path.of(path)) {
            left.add(part.toString());
        }
        boolean changeable = false;
        int links = 0;
        try {
            while (!left.isEmpty()) {
                String name = left.poll();
                if (name.equals(".") || name.isEmpty()) {
                    continue;
                }
                Path here = at.toRealPath();
                if (name.equals("..")) {
                    Path parent = here.getParent();
                    // The command's ".." is the parent the folder has when it opens it.
                    changeable |= parent != null && mayReplace(parent, here);
                    at = parent == null ? here : parent;
                    continue;
                }
                if (here.equals(Path.of("/")) && name.equals("proc")) {
                    changeable = true;
                }
                Path next = at.resolve(name);
                changeable |= mayReplace(here, next);
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    return new Result(missing(here.resolve(name), left), changeable);
                }
                if (Files.isSymbolicLink(next) && !here.startsWith("/proc")) {
                    if (++links > MAX_LINKS) {
                        return new Result(next.normalize(), true);
                    }
                    Path target = Files.readSymbolicLink(next);
                    List<String> rest = new ArrayList<>(left);
                    left.clear();
                    target.forEach(part -> left.add(part.toString()));
                    left.addAll(rest);
                    at = target.isAbsolute() ? Path.of("/") : at;
                } else {
                    at = next;
                }
            }
            return new Result(at.toRealPath(), changeable);
        } catch (IOException | RuntimeException e) {
            // What cannot be walked cannot be vouched for.
            return new Result(Path.of(path).isAbsolute() ? Path.of(path).normalize() : folder.resolve(path).normalize(),
                    true);
        }
    }

    private static Path missing(Path first, Deque<String> rest) {
        Path p = first;
        for (String part : rest) {
            p = p.resolve(part);
        }
        return p.normalize();
    }

    /** Whether the requester may create, delete or rename {@code entry} in {@code dir}, or chmod its way to that. */
    private boolean mayReplace(Path dir, Path entry) throws IOException {
        Map<String, Object> d = Files.readAttributes(dir, "unix:mode,uid,gid");
        int mode = (Integer) d.get("mode");
        if (uid == 0 || (Integer) d.get("uid") == uid) {
            // The owner can always give itself the write bit back.
            return true;
        }
        boolean writable = (mode & 0002) != 0
                || ((mode & 0020) != 0 && (gids == null || gids.contains((Integer) d.get("gid"))));
        if (!writable) {
            return false;
        }
        if ((mode & 01000) == 0) {
            return true;
        }
        // A sticky folder such as /tmp: anyone may add an entry, only its owner may replace one.
        try {
            return (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS) == uid;
        } catch (NoSuchFileException absent) {
            return true;
        }
    }
}
