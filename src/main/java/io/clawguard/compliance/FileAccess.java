package io.clawguard.compliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an account may read a file, by the mode bits the kernel checks: search (x) on every
 * folder from / down, then read (r) on the file itself, in the one class that applies (owner,
 * else group, else other). Access control lists are not read: they only add to these bits on
 * most hosts, and a file the bits open stays open.
 */
record FileAccess(boolean readable, String why) {
    private static final int READ = 4;
    private static final int SEARCH = 1;

    static FileAccess of(Path file, int uid, Set<Integer> gids) throws IOException {
        if (uid == 0) {
            return new FileAccess(true, "root reads every file");
        }
        Path real = file.toRealPath();
        List<Path> folders = new ArrayList<>();
        for (Path p = real.getParent(); p != null; p = p.getParent()) {
            folders.add(0, p);
        }
        for (Path folder : folders) {
            if (!allowed(folder, uid, gids, SEARCH)) {
                return new FileAccess(false, folder + " is " + describe(folder) + ": uid " + uid + " cannot enter it");
            }
        }
        return allowed(real, uid, gids, READ)
                ? new FileAccess(true, real + " is " + describe(real) + ": uid " + uid + " can read it")
                : new FileAccess(false, real + " is " + describe(real) + ": uid " + uid + " cannot read it");
    }

    private static boolean allowed(Path p, int uid, Set<Integer> gids, int bit) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid,mode");
        int mode = (Integer) a.get("mode");
        int shift = uid == (Integer) a.get("uid") ? 6 : gids.contains((Integer) a.get("gid")) ? 3 : 0;
        return (mode >> shift & bit) != 0;
    }

    private static String describe(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:uid,gid,mode");
        return String.format("%04o uid %d gid %d", (Integer) a.get("mode") & 07777, (Integer) a.get("uid"),
                (Integer) a.get("gid"));
    }
}
