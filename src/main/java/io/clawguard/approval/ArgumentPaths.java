package io.clawguard.approval;

import io.clawguard.files.UserDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the path arguments of a request name, as the kernel would walk them for the command
 * ({@link PathWalk}): relative ones from the pinned working folder, symlinks followed before
 * {@code ..}, absolute ones through their symlinks too, and paths carried by options
 * ({@code --output=PATH}, {@code -oPATH}, dd's {@code of=PATH}). And which of them the
 * requester can change before the command runs. The admin reads both; the broker walks the
 * arguments again after the decision and refuses a command whose arguments now lead elsewhere.
 *
 * <p>An argument (or option value) counts when it is absolute, has a slash, is {@code .} or
 * {@code ..}, names something that exists in the folder, or looks like a file name ({@code
 * out.txt}): a bare word like {@code nginx} is left alone, and the console says once that the
 * folder itself is the requester's to write when it is.
 */
final class ArgumentPaths {
    /** {@code --name=VALUE}, dd's {@code name=VALUE}, {@code -xVALUE}: an option and the value it carries. */
    private static final Pattern CARRIED = Pattern.compile("(?:--[A-Za-z0-9][A-Za-z0-9-]*=|[A-Za-z_][A-Za-z0-9_]*=|-[A-Za-z])(.+)");

    /**
     * Per argv element, where it leads ("" for one that is not a path, and for an absolute
     * path that leads where its text says); the indexes of those the requester can change; and
     * whether it can add entries to the working folder (any file name the command opens there).
     */
    record Shown(List<String> resolved, List<Integer> changeable, boolean folderChangeable) {
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

    /** With the groups the user database gives {@code uid}. */
    static Shown of(List<String> argv, Path folder, int uid) {
        return of(argv, folder, uid, groupsOf(uid));
    }

    /** {@code folder} reaches the pinned working folder (the broker's descriptor of it). */
    static Shown of(List<String> argv, Path folder, int uid, Set<Integer> gids) {
        return of(argv, folder, uid, gids, Set.of());
    }

    /** The same, leaving out the positions in {@code code}: inline code an interpreter runs names no path. */
    static Shown of(List<String> argv, Path folder, int uid, Set<Integer> gids, Set<Integer> code) {
        PathWalk walk = new PathWalk(uid, gids);
        List<String> resolved = new ArrayList<>(argv.size());
        List<Integer> changeable = new ArrayList<>();
        resolved.add("");
        for (int i = 1; i < argv.size(); i++) {
            if (code.contains(i)) {
                resolved.add("");
                continue;
            }
            // "x=y/z" may be an option's value or a path of its own: both are walked, both shown.
            List<String> shown = new ArrayList<>();
            boolean canChange = false;
            for (String path : pathsIn(argv.get(i), folder)) {
                PathWalk.Result r = walk.walk(path, folder);
                boolean asWritten = path.startsWith("/") && r.real().equals(Path.of(path).normalize());
                // A bare name that is not there yet is shown as typed: "example.com" may be no file at all.
                boolean notYet = isBare(path) && !exists(folder.resolve(path));
                if (!asWritten && !notYet) {
                    shown.add(r.real().toString());
                }
                canChange |= r.changeable();
            }
            resolved.add(String.join(" | ", shown));
            if (canChange) {
                changeable.add(i);
            }
        }
        return new Shown(resolved, changeable, walk.canAddTo(folder));
    }

    private static boolean isBare(String path) {
        return !path.contains("/") && !path.equals(".") && !path.equals("..");
    }

    private static boolean existsIn(Path folder, String name) {
        try {
            return !name.isEmpty() && exists(folder.resolve(name));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** The paths an argument may name: the value an option carries, and the argument itself. */
    private static List<String> pathsIn(String arg, Path folder) {
        List<String> paths = new ArrayList<>(2);
        Matcher m = CARRIED.matcher(arg);
        boolean carries = m.matches() && isPath(m.group(1), folder);
        if (carries) {
            paths.add(m.group(1));
        }
        // "of=/etc/x" is dd's operand; it is also a path of its own only where "of=" is there to walk into.
        if (isPath(arg, folder) && (!carries || existsIn(folder, arg.split("/", 2)[0]))) {
            paths.add(arg);
        }
        return paths;
    }

    private static boolean isPath(String arg, Path folder) {
        if (arg.isEmpty() || arg.startsWith("-") || arg.indexOf('\0') >= 0) {
            return false;
        }
        if (arg.contains("/") || arg.equals(".") || arg.equals("..")
                || arg.matches("[^=]*[A-Za-z0-9_]\\.[A-Za-z][A-Za-z0-9]{0,9}")) {
            return true;
        }
        try {
            return exists(folder.resolve(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The groups the user database gives {@code uid}; null (every group counts) when it cannot be read. */
    static Set<Integer> groupsOf(int uid) {
        try {
            return UserDatabase.groupsOf(uid, Files.readAllLines(Path.of("/etc/passwd")),
                    Files.readAllLines(Path.of("/etc/group")));
        } catch (IOException e) {
            return null;
        }
    }
}
