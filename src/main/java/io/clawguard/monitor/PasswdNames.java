package io.clawguard.monitor;

import io.clawguard.files.UserDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Login names by uid from the passwd file, read again when it changes; a uid it lacks reads "uid N". */
final class PasswdNames {
    private final Path passwd;
    private final Map<Long, String> names = new HashMap<>();
    private List<String> lines = List.of();
    private FileTime modified;
    private long size = -1;

    PasswdNames(Path passwd) {
        this.passwd = passwd;
    }

    /** Rereads the file if it changed since it was read: once a scan, not once a socket. */
    void refresh() {
        try {
            BasicFileAttributes a = Files.readAttributes(passwd, BasicFileAttributes.class);
            if (!a.lastModifiedTime().equals(modified) || a.size() != size) {
                lines = new String(Files.readAllBytes(passwd), StandardCharsets.UTF_8).lines().toList();
                modified = a.lastModifiedTime();
                size = a.size();
                names.clear();
            }
        } catch (IOException e) {
            lines = List.of();
            modified = null;
            names.clear();
        }
    }

    String nameOf(long uid) {
        return names.computeIfAbsent(uid, u -> {
            String name = u <= Integer.MAX_VALUE ? UserDatabase.nameOf(u.intValue(), lines) : null;
            return name == null ? "uid " + u : name;
        });
    }
}
