package io.clawguard.approval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The arguments of a request that name a path relative to its working folder, written out
 * against that folder with symlinks followed, so the admin reads {@code zz} as the
 * {@code /home/agent/work/zz} it is, and {@code lnk/../shadow} as the {@code /etc/shadow} it is.
 * An argument counts when it has a slash or is {@code .}/{@code ..}, or names something that
 * exists in the folder; options and absolute paths are left alone.
 */
final class RelativeArguments {
    private RelativeArguments() {
    }

    /** One entry per argv element: the absolute path, or "" where the element is not a relative path. */
    static List<String> resolve(List<String> argv, Path cwd) {
        List<String> out = new ArrayList<>(argv.size());
        out.add("");
        for (String arg : argv.subList(1, argv.size())) {
            out.add(resolved(arg, cwd));
        }
        return out;
    }

    private static String resolved(String arg, Path cwd) {
        if (arg.isEmpty() || arg.startsWith("/") || arg.startsWith("-")) {
            return "";
        }
        try {
            Path p = cwd.resolve(arg);
            boolean pathLike = arg.contains("/") || arg.equals(".") || arg.equals("..");
            return pathLike || Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? real(p).toString() : "";
        } catch (InvalidPathException e) {
            return "";
        }
    }

    /**
     * Where the path leads, as the kernel would walk it: symlinks followed and {@code ..} taken
     * after them ({@code lnk/../shadow} with {@code lnk -> /etc/ssh} is {@code /etc/shadow}); the
     * part that does not exist yet is added to the real path of the part that does.
     */
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
}
