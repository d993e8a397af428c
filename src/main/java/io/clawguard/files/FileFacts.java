package io.clawguard.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the kernel says about one file: owner, mode bits and type. Security checks decide
 * on these facts, so they can be tested on facts made up in the test.
 */
public record FileFacts(Path path, int uid, int mode, boolean regularFile, boolean directory) {
    public static final int SETUID = 04000;
    public static final int SETGID = 02000;
    public static final int GROUP_WRITE = 020;
    public static final int OTHER_WRITE = 02;
    public static final int GROUP_OTHER_READ = 044;
    public static final int ANY_EXECUTE = 0111;

    /** Facts about the file itself, not what a symlink points to. */
    public static FileFacts of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:uid,mode,isRegularFile,isDirectory",
                LinkOption.NOFOLLOW_LINKS);
        return new FileFacts(path, (Integer) a.get("uid"), (Integer) a.get("mode") & 07777,
                (Boolean) a.get("isRegularFile"), (Boolean) a.get("isDirectory"));
    }

    public boolean writableByGroupOrOther() {
        return (mode & (GROUP_WRITE | OTHER_WRITE)) != 0;
    }

    public boolean readableByGroupOrOther() {
        return (mode & GROUP_OTHER_READ) != 0;
    }

    public String octalMode() {
        return String.format("%04o", mode);
    }
}
