package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What the path arguments of a request name, as the kernel would walk them: relative ones
 * against the pinned working folder, symlinks followed before {@code ..} ({@code lnk/../shadow}
 * with {@code lnk -> /etc/ssh} is {@code /etc/shadow}), absolute ones through their symlinks
 * too. And which of them the requester can change before the command runs: a folder on the
 * way is the requester's to write, so an entry there can be swapped for a symlink at will.
 * The admin reads both; the broker walks the arguments again after the decision and refuses a
 * command whose arguments now name something else.
 *
 * <p>An argument counts when it is absolute, has a slash, is {@code .}/{@code ..}, or names
 * something that exists in the folder; options are left alone.
 */
final class ArgumentPaths {
    private static final int MAX_LINKS = 40;

    /**
     * Per argv element, where it leads ("" for one that is not a path, and for an absolute
     * path that leads where its text says); and the indexes of those the requester can change.
     */
    record Shown(List<String> resolved, List<Integer> changeable) {
        Shown {
            resolved = List.copyOf(resolved);
            changeable = List.copyOf(changeable);
        }

        /** The first argument that leads elsewhere in {@code now}, as the admin would want it said; null if none. */
        String firstChange(Shown now, List<String> argv) {
            for (int i = 0; i < resolved.size(); i++) {
                if (!resolved.get(i).equals(now.resolved().get(i))) {
                    return "argument " + i + " (" + argv.get(i) + ") led to " + shown(resolved.get(i), argv.get(i))
                            + " when it was approved and leads to " + shown(now.resolved().get(i), argv.get(i)) + " now";
                }
            }
            return null;
        }

        private static String shown(String resolved, String arg) {
            return resolved.isEmpty() ? arg : resolved;
        }
    }

    private ArgumentPaths() {
    }

    /** {@code folder} reaches the pinned working folder (the broker's descriptor of it). */
    static Shown of(List<String> argv, Path folder, int requesterUid) {
        List<String> resolved = new ArrayList<>(argv.size());
        List<Integer> changeable = new ArrayList<>();
        resolved.add("");
        for (int i = 1; i < argv.size(); i++) {
            Path literal = pathOf(argv.get(i), folder);
            if (literal == null) {
                resolved.add("");
                continue;
            }
            Path real = real(literal);
            boolean absolute = argv.get(i).startsWith("/");
            resolved.add(absolute && real.equals(literal.normalize()) ? "" : real.toString());
            if (requesterCanChange(argv.get(i), folder, requesterUid)) {
                changeable.add(i);
            }
        }
        return new Shown(resolved, changeable);
    }

    private static Path pathOf(String arg, Path folder) {
        if (arg.isEmpty() || arg.startsWith("-")) {
            return null;
        }
        try {
            if (arg.startsWith("/")) {
                return Path.of(arg);
            }
            Path p = folder.resolve(arg);
            boolean pathLike = arg.contains("/") || arg.equals(".") || arg.equals("..");
            return pathLike || Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Where the path leads; the part that does not exist yet is added to the real path of the part that does. */
    private static Path real(Path p) {
        Deque<Path> missing = new ArrayDeque<>();
        Path at = p;
        while (at != null && !Files.exists(at)) {
            missing.push(at.getFileName());
            at = at.getParent();
        }
        Path base;
        try {
            base = at == null ? Path.of("/") : at.toRealPath();
        } catch (IOException e) {
            return p.normalize();
        }
        for (Path part : missing) {
            base = base.resolve(part);
        }
        return base.normalize();
    }

    /**
     * Walks the path as the kernel does, one entry at a time through every symlink: true when
     * a folder on the way lets the requester replace the next entry, or create it when missing.
     */
    private static boolean requesterCanChange(String arg, Path folder, int uid) {
        // A relative path starts at the pinned folder itself: renaming the folder's own path changes nothing.
        Path at = arg.startsWith("/") ? Path.of("/") : folder;
        Deque<String> left = new ArrayDeque<>();
        for (Path part : Path.of(arg)) {
            left.add(part.toString());
        }
        int links = 0;
        while (!left.isEmpty()) {
            String name = left.poll();
            if (name.equals(".") || name.isEmpty()) {
                continue;
            }
            Path next = at.resolve(name);
            try {
                if (name.equals("..")) {
                    // Taken from where the walk really is, after the symlinks on the way.
                    Path parent = at.toRealPath().getParent();
                    at = parent == null ? Path.of("/") : parent;
                    continue;
                }
                if (mayReplace(at, next, uid)) {
                    return true;
                }
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    return false;
                }
                if (Files.isSymbolicLink(next)) {
                    if (++links > MAX_LINKS) {
                        return true;
                    }
                    Path target = Files.readSymbolicLink(next);
                    List<String> rest = new ArrayList<>(left);
                    left.clear();
                    for (Path part : target) {
                        left.add(part.toString());
                    }
                    left.addAll(rest);
                    at = target.isAbsolute() ? Path.of("/") : at;
                } else {
                    at = next;
                }
            } catch (IOException e) {
                // What cannot be read cannot be vouched for.
                return true;
            }
        }
        return false;
    }

    /** Whether {@code uid} may create, delete or rename {@code entry} in {@code dir}. */
    private static boolean mayReplace(Path dir, Path entry, int uid) throws IOException {
        Map<String, Object> d = Files.readAttributes(dir, "unix:mode,uid");
        int mode = (Integer) d.get("mode");
        if (uid == 0 || ((Integer) d.get("uid") == uid && (mode & 0200) != 0)) {
            return true;
        }
        if ((mode & 0002) == 0) {
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
