package io.clawguard.approval;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a request that name a path relative to its working folder, written out
 * against that folder, so the admin reads {@code zz} as the {@code /home/agent/work/zz} it is.
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
            return pathLike || Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? p.normalize().toString() : "";
        } catch (InvalidPathException e) {
            return "";
        }
    }
}
